package org.crmworkbench.plugin.nps.campaign;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.PluginContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.crmworkbench.api.coreviews.Tables.V_USERS;

/** The fields of a campaign, with the errors of a refused save next to them. */
public class CampaignForm extends FormLayout {

    /** An account manager to target. */
    public record Manager(long id, String name) {
    }

    final TextField name = new TextField();
    final TextArea questionEn = new TextArea();
    final TextArea questionNl = new TextArea();
    final TextField followUpEn = new TextField();
    final TextField followUpNl = new TextField();
    final DatePicker opensOn = new DatePicker();
    final DatePicker closesOn = new DatePicker();
    final MultiSelectComboBox<String> stages = new MultiSelectComboBox<>();
    final MultiSelectComboBox<String> groups = new MultiSelectComboBox<>();
    final ComboBox<Manager> manager = new ComboBox<>();
    final MultiSelectComboBox<String> dmuRoles = new MultiSelectComboBox<>();
    final Checkbox consentOnly = new Checkbox();
    final IntegerField reminderDays = new IntegerField();
    private final Map<String, HasValidation> fields;
    private final PluginContext context;
    private List<Manager> managers;

    public CampaignForm(PluginContext context) {
        this.context = context;
        name.setLabel(context.message("campaign.name"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(200);
        questionEn.setLabel(context.message("campaign.question-en"));
        questionNl.setLabel(context.message("campaign.question-nl"));
        questionEn.setRequiredIndicatorVisible(true);
        questionNl.setRequiredIndicatorVisible(true);
        questionEn.setMaxLength(Campaigns.MAX_QUESTION);
        questionNl.setMaxLength(Campaigns.MAX_QUESTION);
        followUpEn.setLabel(context.message("campaign.follow-up-en"));
        followUpNl.setLabel(context.message("campaign.follow-up-nl"));
        followUpEn.setHelperText(context.message("campaign.follow-up-help"));
        followUpEn.setMaxLength(Campaigns.MAX_QUESTION);
        followUpNl.setMaxLength(Campaigns.MAX_QUESTION);
        opensOn.setLabel(context.message("campaign.opens-on"));
        closesOn.setLabel(context.message("campaign.closes-on"));
        opensOn.setLocale(context.locale());
        closesOn.setLocale(context.locale());
        opensOn.setRequiredIndicatorVisible(true);
        closesOn.setRequiredIndicatorVisible(true);
        stages.setLabel(context.message("campaign.stages"));
        stages.setItems(List.of("SUSPECT", "PROSPECT", "LEAD", "HOT_LEAD", "NEW_CUSTOMER", "LOYAL_CUSTOMER", "EX_CUSTOMER"));
        stages.setItemLabelGenerator(stage -> context.message("stage." + stage.toLowerCase().replace('_', '-')));
        stages.setPlaceholder(context.message("campaign.any"));
        groups.setLabel(context.message("campaign.groups"));
        groups.setItems(CustomerGroups.ALL);
        groups.setItemLabelGenerator(group -> context.message(CustomerGroups.labelKey(group)));
        groups.setPlaceholder(context.message("campaign.any"));
        manager.setLabel(context.message("campaign.manager"));
        managers = context.dsl().select(V_USERS.ID, V_USERS.DISPLAY_NAME).from(V_USERS).where(V_USERS.ACTIVE.isTrue())
                .orderBy(V_USERS.DISPLAY_NAME).fetch(r -> new Manager(r.value1(), r.value2()));
        manager.setItems(managers);
        manager.setItemLabelGenerator(Manager::name);
        manager.setClearButtonVisible(true);
        manager.setPlaceholder(context.message("campaign.any"));
        dmuRoles.setLabel(context.message("campaign.dmu-roles"));
        dmuRoles.setItems(List.of("DECIDER", "BUYER", "INFLUENCER", "USER", "GATEKEEPER", "INITIATOR"));
        dmuRoles.setItemLabelGenerator(role -> context.message("dmu." + role.toLowerCase()));
        dmuRoles.setPlaceholder(context.message("campaign.any"));
        consentOnly.setLabel(context.message("campaign.consent-only"));
        reminderDays.setLabel(context.message("campaign.reminder-days"));
        reminderDays.setMin(1);
        reminderDays.setMax(60);
        reminderDays.setStepButtonsVisible(true);
        add(name, 2);
        add(questionEn, questionNl, followUpEn, followUpNl, opensOn, closesOn, stages, groups, manager, dmuRoles,
                reminderDays, consentOnly);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        fields = Map.ofEntries(Map.entry("name", name), Map.entry("questionEn", questionEn), Map.entry("questionNl", questionNl),
                Map.entry("followUpEn", followUpEn), Map.entry("followUpNl", followUpNl), Map.entry("opensOn", opensOn),
                Map.entry("closesOn", closesOn), Map.entry("stages", stages), Map.entry("groups", groups),
                Map.entry("dmuRoles", dmuRoles), Map.entry("reminderDays", reminderDays));
    }

    /** Fills the fields for a new campaign: the default question, open from today for a month. */
    void readNew(String organisation, LocalDate today) {
        read(new CampaignInput("", Campaigns.defaultQuestion("en", organisation), Campaigns.defaultQuestion("nl", organisation),
                null, null, today, today.plusMonths(1), Set.of("NEW_CUSTOMER", "LOYAL_CUSTOMER"), Set.of(), null, Set.of(),
                true, 7));
    }

    void read(CampaignInput input) {
        clearErrors();
        name.setValue(input.name());
        questionEn.setValue(input.questionEn());
        questionNl.setValue(input.questionNl());
        followUpEn.setValue(input.followUpEn() == null ? "" : input.followUpEn());
        followUpNl.setValue(input.followUpNl() == null ? "" : input.followUpNl());
        opensOn.setValue(input.opensOn());
        closesOn.setValue(input.closesOn());
        stages.setValue(input.stages());
        groups.setValue(input.groups());
        manager.setValue(managers.stream().filter(m -> input.managerId() != null && m.id() == input.managerId()).findFirst()
                .orElse(null));
        dmuRoles.setValue(input.dmuRoles());
        consentOnly.setValue(input.consentOnly());
        reminderDays.setValue(input.reminderDays());
    }

    CampaignInput input() {
        return new CampaignInput(name.getValue(), questionEn.getValue(), questionNl.getValue(), followUpEn.getValue(),
                followUpNl.getValue(), opensOn.getValue(), closesOn.getValue(), stages.getValue(), groups.getValue(),
                manager.getValue() == null ? null : manager.getValue().id(), dmuRoles.getValue(), consentOnly.getValue(),
                reminderDays.getValue() == null ? 0 : reminderDays.getValue());
    }

    void showErrors(Map<String, String> errors) {
        clearErrors();
        errors.forEach((field, key) -> {
            var component = fields.get(field);
            if (component != null) {
                component.setErrorMessage(context.message(key));
                component.setInvalid(true);
            }
        });
    }

    void clearErrors() {
        fields.values().forEach(field -> field.setInvalid(false));
    }

    void setReadOnly(boolean readOnly) {
        for (var component : List.of(name, questionEn, questionNl, followUpEn, followUpNl)) {
            component.setReadOnly(readOnly);
        }
        opensOn.setReadOnly(readOnly);
        closesOn.setReadOnly(readOnly);
        stages.setReadOnly(readOnly);
        groups.setReadOnly(readOnly);
        manager.setReadOnly(readOnly);
        dmuRoles.setReadOnly(readOnly);
        consentOnly.setReadOnly(readOnly);
        reminderDays.setReadOnly(readOnly);
    }
}
