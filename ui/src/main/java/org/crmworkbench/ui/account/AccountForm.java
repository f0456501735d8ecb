package org.crmworkbench.ui.account;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.ui.editing.FieldErrors;

import java.util.List;
import java.util.Map;
import org.crmworkbench.ui.editing.MaxLength;

/**
 * The account's details. Client-side checks catch the obvious; the service's rules are authoritative
 * and their messages appear next to the fields they concern. Ctrl+S saves.
 */
final class AccountForm extends FormLayout {

    final TextField name = new TextField();
    final TextField cocNumber = new TextField();
    final TextField vatNumber = new TextField();
    final TextField website = new TextField();
    final TextField industry = new TextField();
    final TextField street = new TextField();
    final TextField postalCode = new TextField();
    final TextField city = new TextField();
    final TextField country = new TextField();
    final Select<AccountLevel> level = new Select<>();
    final Select<LifecycleStage> stage = new Select<>();
    final TextField leadSource = new TextField();
    final Checkbox neverInterested = new Checkbox();
    final BigDecimalField potentialValue = new BigDecimalField();
    final ComboBox<UserRef> manager = new ComboBox<>();
    final TextArea notes = new TextArea();
    final Button save = new Button();
    final Binder<AccountDraft> binder = new Binder<>();
    private final Map<String, HasValidation> fieldsByName;

    AccountForm(List<UserRef> users, Runnable onSave) {
        label(name, "account.name", 200);
        label(cocNumber, "account.coc-number", 8);
        label(vatNumber, "account.vat-number", 20);
        label(website, "account.website", 200);
        label(industry, "account.industry", 100);
        label(street, "account.street", 200);
        label(postalCode, "account.postal-code", 10);
        label(city, "account.city", 100);
        label(country, "account.country", 2);
        label(leadSource, "account.lead-source", 100);
        level.setLabel(getTranslation("account.level"));
        level.setItems(AccountLevel.values());
        level.setItemLabelGenerator(l -> getTranslation(l.labelKey()));
        stage.setLabel(getTranslation("account.stage"));
        stage.setItems(LifecycleStage.values());
        stage.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        neverInterested.setLabel(getTranslation("account.never-interested"));
        potentialValue.setLabel(getTranslation("account.potential-value"));
        potentialValue.setPrefixComponent(new Span("€"));
        manager.setLabel(getTranslation("account.manager"));
        manager.setItems(users);
        manager.setItemLabelGenerator(UserRef::displayName);
        manager.setClearButtonVisible(true);
        notes.setLabel(getTranslation("account.notes"));
        MaxLength.of(notes, 10_000); // the service's rule; the column is TEXT
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL);
        save.addClickListener(click -> onSave.run());

        binder.forField(name).asRequired(getTranslation("account.error.name-required")).bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(cocNumber).bind(d -> d.cocNumber, (d, v) -> d.cocNumber = v);
        binder.forField(vatNumber).bind(d -> d.vatNumber, (d, v) -> d.vatNumber = v);
        binder.forField(website).bind(d -> d.website, (d, v) -> d.website = v);
        binder.forField(industry).bind(d -> d.industry, (d, v) -> d.industry = v);
        binder.forField(street).bind(d -> d.street, (d, v) -> d.street = v);
        binder.forField(postalCode).bind(d -> d.postalCode, (d, v) -> d.postalCode = v);
        binder.forField(city).bind(d -> d.city, (d, v) -> d.city = v);
        binder.forField(country).asRequired(getTranslation("account.error.country")).bind(d -> d.country, (d, v) -> d.country = v);
        binder.forField(level).asRequired(getTranslation("account.error.level-required")).bind(d -> d.level, (d, v) -> d.level = v);
        binder.forField(stage).asRequired(getTranslation("account.error.stage-required")).bind(d -> d.stage, (d, v) -> d.stage = v);
        binder.forField(leadSource).bind(d -> d.leadSource, (d, v) -> d.leadSource = v);
        binder.forField(neverInterested).bind(d -> d.neverInterested, (d, v) -> d.neverInterested = v);
        binder.forField(potentialValue).bind(d -> d.potentialValue, (d, v) -> d.potentialValue = v);
        binder.forField(manager).bind(d -> d.manager, (d, v) -> d.manager = v);
        binder.forField(notes).bind(d -> d.notes, (d, v) -> d.notes = v);

        fieldsByName = Map.ofEntries(Map.entry("name", name), Map.entry("cocNumber", cocNumber),
                Map.entry("vatNumber", vatNumber), Map.entry("website", website), Map.entry("industry", industry),
                Map.entry("street", street), Map.entry("postalCode", postalCode), Map.entry("city", city),
                Map.entry("country", country), Map.entry("level", level), Map.entry("stage", stage),
                Map.entry("leadSource", leadSource), Map.entry("potentialValue", potentialValue), Map.entry("notes", notes));
        add(name, cocNumber, vatNumber, website, industry, street, postalCode, city, country, level, stage,
                leadSource, potentialValue, manager, neverInterested, notes, save);
        setColspan(notes, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2), new ResponsiveStep("70em", 3));
    }

    /** Shows the service's verdict next to each field it concerns. */
    void showErrors(Map<String, String> errors) {
        FieldErrors.show(fieldsByName, errors, this);
    }

    private void label(TextField field, String key, int maxLength) {
        field.setLabel(getTranslation(key));
        MaxLength.of(field, maxLength);
    }
}
