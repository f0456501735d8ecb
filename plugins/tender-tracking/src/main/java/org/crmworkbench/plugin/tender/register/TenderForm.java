package org.crmworkbench.plugin.tender.register;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.tender.Feedback;
import org.crmworkbench.plugin.tender.award.AwardMethod;
import org.crmworkbench.plugin.tender.award.PriceFormula;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of a tender, for a new one and in the editor's details tab. */
public final class TenderForm extends FormLayout {

    final TextField title = new TextField();
    final AuthorityPicker authority;
    final TextField reference = new TextField();
    final TextField source = new TextField();
    final TextField cpvCodes = new TextField();
    final Select<ProcedureType> procedure = new Select<>();
    final BigDecimalField estimatedValue = new BigDecimalField();
    final TextField currency = new TextField();
    final DatePicker publication = new DatePicker();
    final DatePicker questionsDeadline = new DatePicker();
    final DatePicker submissionDeadline = new DatePicker();
    final DatePicker awardDecision = new DatePicker();
    final DatePicker standstillEnd = new DatePicker();
    final DatePicker contractStart = new DatePicker();
    final DatePicker contractEnd = new DatePicker();
    final ComboBox<Authorities.User> owner = new ComboBox<>();
    final Select<AwardMethod> awardMethod = new Select<>();
    final Select<PriceFormula> priceFormula = new Select<>();
    final TextArea lessons = new TextArea();
    final IntegerField effortHours = new IntegerField();
    private final PluginContext context;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private LostReason lostReason;

    public TenderForm(PluginContext context) {
        this.context = context;
        authority = new AuthorityPicker(context);
        text(title, "title", "tender.title", TenderChecks.MAX_TITLE);
        title.setRequiredIndicatorVisible(true);
        fields.put("authority", authority);
        text(reference, "reference", "tender.reference", 100);
        text(source, "source", "tender.source", 100);
        text(cpvCodes, "cpvCodes", "tender.cpv", 200);
        cpvCodes.setHelperText(context.message("tender.cpv-help"));
        procedure.setLabel(context.message("tender.procedure"));
        procedure.setItems(ProcedureType.values());
        procedure.setItemLabelGenerator(p -> context.message(p.labelKey()));
        fields.put("procedure", procedure);
        estimatedValue.setLabel(context.message("tender.value"));
        fields.put("estimatedValue", estimatedValue);
        text(currency, "currency", "tender.currency", 3);
        var locale = context.locale();
        for (var entry : Map.of("publication", publication, "questionsDeadline", questionsDeadline, "submissionDeadline",
                submissionDeadline, "awardDecision", awardDecision, "standstillEnd", standstillEnd, "contractStart", contractStart,
                "contractEnd", contractEnd).entrySet()) {
            entry.getValue().setLabel(context.message("tender.date." + entry.getKey()));
            entry.getValue().setLocale(locale);
            entry.getValue().setClearButtonVisible(true);
            fields.put(entry.getKey(), entry.getValue());
        }
        owner.setLabel(context.message("tender.owner"));
        owner.setItemLabelGenerator(Authorities.User::name);
        owner.setClearButtonVisible(true);
        awardMethod.setLabel(context.message("tender.award-method"));
        awardMethod.setItems(AwardMethod.values());
        awardMethod.setItemLabelGenerator(m -> context.message(m.labelKey()));
        fields.put("awardMethod", awardMethod);
        priceFormula.setLabel(context.message("tender.price-formula"));
        priceFormula.setItems(PriceFormula.values());
        priceFormula.setItemLabelGenerator(f -> context.message(f.labelKey()));
        fields.put("priceFormula", priceFormula);
        lessons.setLabel(context.message("tender.lessons"));
        lessons.setMaxLength(2000);
        fields.put("lessons", lessons);
        effortHours.setLabel(context.message("tender.effort"));
        effortHours.setMin(0);
        fields.put("effortHours", effortHours);

        add(title, 2);
        add(authority, reference, source, cpvCodes, procedure, owner, estimatedValue, currency);
        add(heading("tender.dates"), 2);
        add(publication, questionsDeadline, submissionDeadline, awardDecision, standstillEnd, contractStart, contractEnd);
        add(heading("tender.award"), 2);
        add(awardMethod, priceFormula, effortHours);
        add(lessons, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
    }

    private H4 heading(String key) {
        return new H4(context.message(key));
    }

    private void text(TextField field, String name, String labelKey, int maxLength) {
        field.setLabel(context.message(labelKey));
        field.setMaxLength(maxLength);
        fields.put(name, field);
    }

    public void show(TenderInput input) {
        title.setValue(input.title());
        authority.select(input.authorityId(), context);
        reference.setValue(input.reference());
        source.setValue(input.source());
        cpvCodes.setValue(input.cpvCodes());
        procedure.setValue(input.procedure());
        estimatedValue.setValue(input.estimatedValue());
        currency.setValue(input.currency());
        var d = input.dates();
        set(publication, d.publication());
        set(questionsDeadline, d.questionsDeadline());
        set(submissionDeadline, d.submissionDeadline());
        set(awardDecision, d.awardDecision());
        set(standstillEnd, d.standstillEnd());
        set(contractStart, d.contractStart());
        set(contractEnd, d.contractEnd());
        var users = new Authorities(context.dsl()).users(input.ownerId());
        owner.setItems(users);
        owner.setValue(users.stream().filter(u -> input.ownerId() != null && u.id() == input.ownerId()).findFirst().orElse(null));
        awardMethod.setValue(input.awardMethod());
        priceFormula.setValue(input.priceFormula());
        lessons.setValue(input.lessons());
        effortHours.setValue(input.effortHours());
        lostReason = input.lostReason();
        fields.values().forEach(f -> f.setInvalid(false));
    }

    private static void set(DatePicker picker, LocalDate date) {
        picker.setValue(date);
    }

    public TenderInput input() {
        var dates = new KeyDates(publication.getValue(), questionsDeadline.getValue(), submissionDeadline.getValue(),
                awardDecision.getValue(), standstillEnd.getValue(), contractStart.getValue(), contractEnd.getValue());
        return new TenderInput(title.getValue(), authority.getValue() == null ? null : authority.getValue().id(), reference.getValue(),
                source.getValue(), cpvCodes.getValue(), procedure.getValue(), estimatedValue.getValue(), currency.getValue(), dates,
                owner.getValue() == null ? null : owner.getValue().id(), awardMethod.getValue(), priceFormula.getValue(), lostReason,
                lessons.getValue(), effortHours.getValue());
    }

    /** Marks the number and date fields holding unreadable text; true when there is any (then nothing is saved). */
    public boolean unreadable() {
        return Feedback.unreadable(context, estimatedValue, effortHours, publication, questionsDeadline, submissionDeadline, awardDecision,
                standstillEnd, contractStart, contractEnd);
    }

    public Map<String, HasValidation> fields() {
        return fields;
    }

    public void setReadOnly(boolean readOnly) {
        fields.values().forEach(f -> ((com.vaadin.flow.component.HasValue<?, ?>) f).setReadOnly(readOnly));
        owner.setReadOnly(readOnly);
    }
}
