package org.crmworkbench.plugin.nps.campaign;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.nps.NpsPermissions;
import org.crmworkbench.plugin.nps.answer.Tagging;

import java.util.Map;

/**
 * The survey settings: the organisation named in the default question, the contact fatigue period,
 * the days a follow-up is due; and the comment tags with the keywords that suggest them.
 */
class SettingsDialog extends Dialog {

    final TextField organisation = new TextField();
    final IntegerField fatigueDays = new IntegerField();
    final IntegerField followUpDays = new IntegerField();
    final Grid<Tagging.Tag> tags = new Grid<>();
    final TextField nameEn = new TextField();
    final TextField nameNl = new TextField();
    final TextField keywords = new TextField();
    private final PluginContext context;
    private final Tagging tagging;
    private Settings settings;
    private Long editingTag;

    SettingsDialog(PluginContext context) {
        this.context = context;
        this.tagging = new Tagging(context.dsl(), context::requirePermission);
        this.settings = Settings.load(context.dsl());
        setHeaderTitle(context.message("settings.title"));
        setWidth("48rem");
        organisation.setLabel(context.message("settings.organisation"));
        organisation.setValue(settings.organisation());
        organisation.setMaxLength(200);
        fatigueDays.setLabel(context.message("settings.fatigue-days"));
        fatigueDays.setHelperText(context.message("settings.fatigue-help"));
        fatigueDays.setValue(settings.fatigueDays());
        fatigueDays.setMin(0);
        fatigueDays.setMax(3650);
        followUpDays.setLabel(context.message("settings.follow-up-days"));
        followUpDays.setValue(settings.followUpDays());
        followUpDays.setMin(0);
        followUpDays.setMax(365);
        var saveSettings = new Button(context.message("settings.save"), click -> saveSettings());
        saveSettings.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(organisation, fatigueDays, followUpDays);

        tags.addColumn(t -> t.name(context.locale())).setHeader(context.message("tags.name"));
        tags.addColumn(Tagging.Tag::keywords).setHeader(context.message("tags.keywords")).setFlexGrow(3);
        tags.addComponentColumn(t -> {
            var remove = new Button(VaadinIcon.TRASH.create(), click -> {
                tagging.delete(t.id());
                showTags();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(context.message("tags.delete", t.name(context.locale())));
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        tags.setAllRowsVisible(true);
        tags.asSingleSelect().addValueChangeListener(change -> {
            var tag = change.getValue();
            editingTag = tag == null ? null : tag.id();
            nameEn.setValue(tag == null ? "" : tag.nameEn());
            nameNl.setValue(tag == null ? "" : tag.nameNl());
            keywords.setValue(tag == null ? "" : tag.keywords());
        });
        nameEn.setLabel(context.message("tags.name-en"));
        nameNl.setLabel(context.message("tags.name-nl"));
        keywords.setLabel(context.message("tags.keywords"));
        keywords.setHelperText(context.message("tags.keywords-help"));
        keywords.setWidth("20rem");
        var saveTag = new Button(context.message("tags.save"), click -> saveTag());
        var tagForm = new HorizontalLayout(nameEn, nameNl, keywords, saveTag);
        tagForm.setAlignItems(FlexComponent.Alignment.BASELINE);
        tagForm.getStyle().set("flex-wrap", "wrap");
        showTags();
        add(form, saveSettings, new H4(context.message("tags.title")), tags, tagForm);
        getFooter().add(new Button(context.message("settings.close"), click -> close()));
    }

    private void showTags() {
        tags.setItems(tagging.tags());
        editingTag = null;
        nameEn.clear();
        nameNl.clear();
        keywords.clear();
    }

    void saveSettings() {
        var changed = new Settings(organisation.getValue(), value(fatigueDays), value(followUpDays), settings.version());
        try {
            context.requirePermission(NpsPermissions.MANAGE);
            changed.save(context.dsl());
            settings = Settings.load(context.dsl());
            organisation.setInvalid(false);
            fatigueDays.setInvalid(false);
            followUpDays.setInvalid(false);
            Notification.show(context.message("settings.saved"), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (CampaignRejectedException e) {
            show(e.errors(), Map.of("organisation", organisation, "fatigueDays", fatigueDays, "followUpDays", followUpDays));
        } catch (CampaignChangedException e) {
            Notification.show(context.message("settings.changed"), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    void saveTag() {
        var errors = tagging.save(editingTag, nameEn.getValue(), nameNl.getValue(), keywords.getValue());
        nameEn.setInvalid(false);
        nameNl.setInvalid(false);
        keywords.setInvalid(false);
        if (errors.isEmpty()) {
            showTags();
        } else {
            show(errors, Map.of("nameEn", nameEn, "nameNl", nameNl, "keywords", keywords));
        }
    }

    private void show(Map<String, String> errors, Map<String, ? extends com.vaadin.flow.component.HasValidation> fields) {
        errors.forEach((field, key) -> {
            var component = fields.get(field);
            if (component != null) {
                component.setErrorMessage(context.message(key));
                component.setInvalid(true);
            }
        });
    }
}
