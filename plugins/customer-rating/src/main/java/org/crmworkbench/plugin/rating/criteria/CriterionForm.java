package org.crmworkbench.plugin.rating.criteria;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.BigDecimalRangeValidator;
import com.vaadin.flow.data.validator.IntegerRangeValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import org.crmworkbench.api.PluginContext;

import java.math.BigDecimal;

/** Adds a criterion; invalid input is flagged next to the field and nothing is saved. */
final class CriterionForm extends FormLayout {

    final TextField name = new TextField();
    final Select<AssessmentMethod> method = new Select<>();
    final BigDecimalField weight = new BigDecimalField();
    final IntegerField minScore = new IntegerField();
    final Button add = new Button();
    private final Binder<CriterionDraft> binder = new Binder<>();
    private final PluginContext context;
    private final CriteriaRepository criteria;
    private final Runnable onSaved;

    CriterionForm(PluginContext context, CriteriaRepository criteria, Runnable onSaved) {
        this.context = context;
        this.criteria = criteria;
        this.onSaved = onSaved;
        name.setLabel(context.message("criteria.name"));
        name.setMaxLength(100);
        method.setLabel(context.message("criteria.method"));
        method.setItems(AssessmentMethod.values());
        method.setItemLabelGenerator(m -> context.message(m.labelKey()));
        weight.setLabel(context.message("criteria.weight"));
        minScore.setLabel(context.message("criteria.min-score"));
        minScore.setHelperText(context.message("criteria.min-score.help"));
        minScore.setMin(1);
        minScore.setMax(10);
        add.setText(context.message("criteria.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickShortcut(Key.ENTER);
        add.addClickListener(click -> save());

        binder.forField(name).asRequired(context.message("criteria.name.required"))
                .withValidator(new StringLengthValidator(context.message("criteria.name.length"), 1, 100))
                .bind(CriterionDraft::getName, CriterionDraft::setName);
        binder.forField(method).asRequired(context.message("criteria.method.required"))
                .bind(CriterionDraft::getMethod, CriterionDraft::setMethod);
        binder.forField(weight).asRequired(context.message("criteria.weight.required"))
                .withValidator(new BigDecimalRangeValidator(context.message("criteria.weight.range"),
                        new BigDecimal("0.01"), new BigDecimal("1000")))
                .bind(CriterionDraft::getWeight, CriterionDraft::setWeight);
        binder.forField(minScore)
                .withValidator(new IntegerRangeValidator(context.message("criteria.min-score.range"), 1, 10))
                .bind(CriterionDraft::getMinScore, CriterionDraft::setMinScore);
        binder.setBean(new CriterionDraft());

        add(name, method, weight, minScore, add);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 5));
    }

    private void save() {
        if (!binder.validate().isOk()) {
            return;
        }
        CriterionDraft draft = binder.getBean();
        try {
            criteria.add(draft.getName(), draft.getMethod(), draft.getWeight(), draft.getMinScore());
        } catch (CriteriaRepository.DuplicateNameException e) {
            name.setInvalid(true);
            name.setErrorMessage(context.message("criteria.name.duplicate"));
            return;
        }
        Notification.show(context.message("criteria.added", draft.getName().strip()))
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        binder.setBean(new CriterionDraft());
        name.focus();
        onSaved.run();
    }
}
