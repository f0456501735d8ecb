package org.crmworkbench.ui.plan;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.plan.Plan;
import org.crmworkbench.core.plan.PlanData;
import org.crmworkbench.core.plan.PlanService;
import org.crmworkbench.ui.editing.Saving;

import java.time.LocalDate;
import java.util.Map;
import org.crmworkbench.ui.editing.MaxLength;

/** Adds or edits an account plan: title, period, objectives, evaluation date and outcome. */
final class PlanDialog extends Dialog {

    final TextField title = new TextField();
    final DatePicker periodStart = new DatePicker();
    final DatePicker periodEnd = new DatePicker();
    final TextArea objectives = new TextArea();
    final DatePicker evaluationDate = new DatePicker();
    final TextArea evaluation = new TextArea();
    final Button save = new Button();

    PlanDialog(PlanService plans, long accountId, Plan existing, UserRef user, Runnable onSaved) {
        setHeaderTitle(getTranslation(existing == null ? "plans.add" : "plans.edit"));
        setWidth("44em");
        var locale = UI.getCurrent().getLocale();
        title.setLabel(getTranslation("plan.title"));
        MaxLength.of(title, 200);
        title.setRequiredIndicatorVisible(true);
        periodStart.setLabel(getTranslation("plan.period-start"));
        periodEnd.setLabel(getTranslation("plan.period-end"));
        evaluationDate.setLabel(getTranslation("plan.evaluation-date"));
        for (var picker : new DatePicker[]{periodStart, periodEnd, evaluationDate}) {
            picker.setLocale(locale);
        }
        objectives.setLabel(getTranslation("plan.objectives"));
        objectives.setRequiredIndicatorVisible(true);
        MaxLength.of(objectives, 10_000);
        evaluation.setLabel(getTranslation("plan.evaluation"));
        MaxLength.of(evaluation, 10_000);
        if (existing == null) {
            int year = LocalDate.now().getYear();
            periodStart.setValue(LocalDate.of(year, 1, 1));
            periodEnd.setValue(LocalDate.of(year, 12, 31));
        } else {
            var data = existing.data();
            title.setValue(data.title());
            periodStart.setValue(data.periodStart());
            periodEnd.setValue(data.periodEnd());
            objectives.setValue(data.objectives());
            evaluationDate.setValue(data.evaluationDate());
            evaluation.setValue(data.evaluation() == null ? "" : data.evaluation());
        }
        Map<String, HasValidation> fields = Map.of("title", title, "periodStart", periodStart, "periodEnd", periodEnd,
                "objectives", objectives, "evaluation", evaluation);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            var data = new PlanData(title.getValue(), periodStart.getValue(), periodEnd.getValue(), objectives.getValue(),
                    evaluationDate.getValue(), evaluation.getValue());
            if (Saving.attempt(this, fields, "plan.error.changed-elsewhere", () -> {
                if (existing == null) {
                    plans.addPlan(accountId, data, user);
                } else {
                    plans.updatePlan(existing.id(), existing.version(), data, user);
                }
            })) {
                close();
                onSaved.run();
            }
        });
        var form = new FormLayout(title, periodStart, periodEnd, objectives, evaluationDate, evaluation);
        form.setColspan(title, 2);
        form.setColspan(objectives, 2);
        form.setColspan(evaluation, 2);
        add(form);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }
}
