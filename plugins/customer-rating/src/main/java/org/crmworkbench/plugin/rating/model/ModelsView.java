package org.crmworkbench.plugin.rating.model;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.IntegerRangeValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.plugin.rating.RatingPermissions;
import org.crmworkbench.plugin.rating.model.RatingModels.ModelChangedException;
import org.crmworkbench.plugin.rating.model.RatingModels.ModelRejectedException;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The rating models (route {@code /customer-rating/models}): choose a model, change its name,
 * cut-off and period, add, change and remove criteria, make it the default. Every saved change is a
 * new version, listed with who saved it. Users without the edit permission read only.
 */
@PermitAll
public class ModelsView extends VerticalLayout implements HasDynamicTitle {

    final Select<RatingModel> model;
    final Button newModel = new Button();
    final Button makeDefault = new Button();
    final Button deleteModel = new Button();
    final Paragraph empty = new Paragraph();
    final Paragraph status = new Paragraph();
    final TextField name = new TextField();
    final BigDecimalField minimumTotal = new BigDecimalField();
    final IntegerField periodMonths = new IntegerField();
    final Button saveSettings = new Button();
    final Button addCriterion = new Button();
    final Grid<ModelCriterion> criteria = new Grid<>();
    final Paragraph noCriteria = new Paragraph();
    final Grid<RatingModels.VersionHeader> versions = new Grid<>();
    final Details versionsDetails = new Details();
    private final VerticalLayout content = new VerticalLayout();
    private final Binder<SettingsDraft> binder = new Binder<>();
    private final PluginContext context;
    private final RatingModels models;
    private final boolean mayEdit;
    private final Locale locale;
    private final DateTimeFormatter dateTimes;
    /** The version of the shown model that edits apply to; after a conflict, the latest one. */
    private int editingVersion;
    /** Labels of the account metrics offered when the model was shown, by key. */
    private Map<String, String> metricLabels = Map.of();

    /** The settings form's copy. */
    static final class SettingsDraft {
        String name = "";
        BigDecimal minimumTotal;
        Integer periodMonths = 12;
    }

    public ModelsView(PluginContext context) {
        this.context = context;
        this.model = ModelSelect.create(context);
        this.models = new RatingModels(context.dsl(), context.clock(), context::requirePermission);
        this.mayEdit = context.hasPermission(RatingPermissions.EDIT_CRITERIA);
        this.locale = context.locale();
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        setSizeFull();

        model.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                show(change.getValue());
            }
        });
        newModel.setText(context.message("model.new"));
        newModel.setIcon(VaadinIcon.PLUS.create());
        newModel.addClickListener(click -> openNewModel());
        makeDefault.setText(context.message("model.make-default"));
        makeDefault.addClickListener(click -> makeDefault());
        deleteModel.setText(context.message("model.delete"));
        deleteModel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        deleteModel.addClickListener(click -> confirmDelete());
        var bar = new HorizontalLayout(model, newModel, makeDefault, deleteModel);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        newModel.setVisible(mayEdit);
        makeDefault.setVisible(mayEdit);
        deleteModel.setVisible(mayEdit);

        settingsForm();
        criteriaGrid();
        versionsGrid();
        var settings = new FormLayout(name, minimumTotal, periodMonths, saveSettings);
        settings.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
        addCriterion.setText(context.message("criterion.add"));
        addCriterion.setIcon(VaadinIcon.PLUS.create());
        addCriterion.setVisible(mayEdit);
        addCriterion.addClickListener(click -> openCriterion(null));
        var criteriaHeader = new HorizontalLayout(new H3(context.message("model.criteria")), addCriterion);
        criteriaHeader.setAlignItems(FlexComponent.Alignment.BASELINE);
        noCriteria.setText(context.message("model.no-criteria"));
        content.setPadding(false);
        content.add(status, settings, criteriaHeader, noCriteria, criteria, versionsDetails);
        empty.setText(context.message(mayEdit ? "model.empty" : "model.empty-read-only"));
        add(new H2(context.message("model.title")), new Paragraph(context.message("model.intro")), bar, empty, content);
        reload(null);
    }

    @Override
    public String getPageTitle() {
        return context.message("model.title");
    }

    private void settingsForm() {
        name.setLabel(context.message("model.name"));
        name.setMaxLength(100);
        minimumTotal.setLabel(context.message("model.minimum-total"));
        minimumTotal.setHelperText(context.message("model.minimum-total.help"));
        periodMonths.setLabel(context.message("model.period"));
        periodMonths.setHelperText(context.message("model.period.help"));
        periodMonths.setMin(1);
        periodMonths.setMax(60);
        periodMonths.setStepButtonsVisible(true);
        saveSettings.setText(context.message("model.save"));
        saveSettings.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveSettings.addClickListener(click -> saveSettings());
        saveSettings.setVisible(mayEdit);
        binder.forField(name).asRequired(context.message("model.name.required"))
                .withValidator(new StringLengthValidator(context.message("model.name.length"), 1, 100))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(minimumTotal)
                .withValidator(v -> v == null || (v.signum() >= 0 && v.scale() <= 2 && v.compareTo(new BigDecimal("99999999")) <= 0),
                        context.message("model.minimum-total.range"))
                .bind(d -> d.minimumTotal, (d, v) -> d.minimumTotal = v);
        binder.forField(periodMonths).asRequired(context.message("model.period.range"))
                .withValidator(new IntegerRangeValidator(context.message("model.period.range"), 1, 60))
                .bind(d -> d.periodMonths, (d, v) -> d.periodMonths = v);
        binder.setReadOnly(!mayEdit);
    }

    private void criteriaGrid() {
        criteria.addColumn(c -> c.name(locale)).setHeader(context.message("criterion.name")).setAutoWidth(true).setFlexGrow(0);
        criteria.addColumn(c -> context.message(c.method().labelKey())).setHeader(context.message("criterion.method"))
                .setAutoWidth(true);
        criteria.addColumn(this::source).setHeader(context.message("criterion.source")).setAutoWidth(true);
        criteria.addColumn(c -> c.weight().stripTrailingZeros().toPlainString()).setHeader(context.message("criterion.weight"));
        criteria.addColumn(c -> "1-" + c.scaleMax()).setHeader(context.message("criterion.scale"));
        criteria.addColumn(c -> c.minScore() == null ? "—" : c.minScore().toString())
                .setHeader(context.message("criterion.min-score")).setAutoWidth(true);
        criteria.addColumn(c -> c.thresholds() == null ? "" : c.thresholds().format())
                .setHeader(context.message("criterion.thresholds")).setAutoWidth(true).setFlexGrow(1);
        if (mayEdit) {
            criteria.addComponentColumn(c -> {
                var edit = new Button(context.message("criterion.edit"), click -> openCriterion(c));
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                var delete = new Button(context.message("criterion.delete"), click -> confirmDeleteCriterion(c));
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                var actions = new HorizontalLayout(edit, delete);
                actions.setSpacing(false);
                return actions;
            }).setWidth("13em").setFlexGrow(0);
        }
        criteria.setAllRowsVisible(true);
    }

    /** Who or what scores a criterion; a metric by its label, or that its plugin is missing. */
    private String source(ModelCriterion c) {
        if (c.kind() == CriterionKind.MANUAL) {
            return context.message("kind.manual");
        }
        if (c.rule() == Rule.METRIC) {
            String label = metricLabels.get(c.metricKey());
            return label != null ? label : context.message("criterion.metric.missing", c.metricKey());
        }
        return context.message(c.rule().labelKey());
    }

    private void versionsGrid() {
        versions.addColumn(RatingModels.VersionHeader::version).setHeader(context.message("version.version")).setAutoWidth(true);
        versions.addColumn(v -> dateTimes.format(v.savedAt())).setHeader(context.message("version.saved-at")).setAutoWidth(true);
        versions.addColumn(RatingModels.VersionHeader::savedBy).setHeader(context.message("version.saved-by"));
        versions.addColumn(RatingModels.VersionHeader::name).setHeader(context.message("model.name"));
        versions.addColumn(v -> v.minimumTotal() == null ? "—" : v.minimumTotal().stripTrailingZeros().toPlainString())
                .setHeader(context.message("model.minimum-total"));
        versions.setAllRowsVisible(true);
        versionsDetails.add(versions);
        versionsDetails.setWidthFull();
    }

    /** Reloads the list of models and shows the given one (or the default). */
    private void reload(Long select) {
        var all = models.list();
        model.setItems(all);
        boolean none = all.isEmpty();
        empty.setVisible(none);
        content.setVisible(!none);
        model.setVisible(!none);
        makeDefault.setEnabled(!none);
        deleteModel.setEnabled(!none);
        if (none) {
            return;
        }
        var shown = all.stream().filter(m -> select != null && m.id() == select).findFirst().orElse(all.getFirst());
        model.setValue(shown); // not from the client: the listener leaves it to us
        show(shown);
    }

    private void show(RatingModel shown) {
        var draft = new SettingsDraft();
        draft.name = shown.name();
        draft.minimumTotal = shown.minimumTotal();
        draft.periodMonths = shown.periodMonths();
        binder.setBean(draft);
        showDefinition(shown);
    }

    /** Status, criteria and versions of the model, and the version edits apply to; the settings form stays. */
    private void showDefinition(RatingModel shown) {
        editingVersion = shown.version();
        var labels = new HashMap<String, String>();
        for (var metric : context.accountMetrics()) {
            try {
                labels.put(metric.key(), metric.label(locale));
            } catch (RuntimeException e) {
                labels.put(metric.key(), metric.key()); // a provider's broken label must not break this view
            }
        }
        metricLabels = labels;
        status.setText(context.message(shown.isDefault() ? "model.status-default" : "model.status", shown.version(),
                shown.updatedBy(), dateTimes.format(shown.updatedAt())));
        makeDefault.setEnabled(!shown.isDefault());
        var list = models.criteria(shown.id());
        criteria.setItems(list);
        criteria.setVisible(!list.isEmpty());
        noCriteria.setVisible(list.isEmpty());
        var history = models.versions(shown.id());
        versions.setItems(history);
        versionsDetails.setSummaryText(context.message("model.versions", history.size()));
    }

    private String user() {
        return context.currentUser().map(UserRef::username).orElse("?");
    }

    private RatingModel current() {
        return Objects.requireNonNull(model.getValue());
    }

    void saveSettings() {
        if (!mayEdit || !binder.validate().isOk()) {
            return;
        }
        var d = binder.getBean();
        var shown = current();
        try {
            models.update(shown.id(), editingVersion, new RatingModels.Settings(d.name, d.minimumTotal, d.periodMonths), user());
            saved("model.saved", d.name.strip());
        } catch (ModelRejectedException e) {
            var field = "periodMonths".equals(e.field()) ? periodMonths : "minimumTotal".equals(e.field()) ? minimumTotal : name;
            ((com.vaadin.flow.component.HasValidation) field).setErrorMessage(context.message(e.messageKey()));
            ((com.vaadin.flow.component.HasValidation) field).setInvalid(true);
            return;
        } catch (ModelChangedException e) {
            conflict(shown.id());
            return;
        } catch (RatingModels.ModelBusyException e) {
            busy();
            return;
        }
        reload(shown.id());
    }

    void openCriterion(ModelCriterion existing) {
        var shown = current();
        var dialog = new CriterionDialog(context, existing, context.accountMetrics(), input -> {
            try {
                models.saveCriterion(shown.id(), editingVersion, input, user());
            } catch (ModelChangedException e) {
                conflict(shown.id());
                throw e;
            } catch (RatingModels.ModelBusyException e) {
                busy();
                throw e;
            }
            saved(existing == null ? "criterion.added" : "criterion.changed", input.nameEn().strip());
            reload(shown.id());
        });
        dialog.open();
    }

    /**
     * Someone saved the model in the meantime: show the latest definition and let the next save apply
     * to it; the input on screen is kept. A deleted model is dropped from the list.
     */
    private void conflict(long modelId) {
        var latest = models.find(modelId);
        if (latest.isEmpty()) {
            changedElsewhere();
            reload(null);
            return;
        }
        Notification.show(context.message("model.changed-keep-input", latest.get().updatedBy()), 8000,
                Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_WARNING);
        showDefinition(latest.get());
    }

    private void busy() {
        Notification.show(context.message("model.busy"), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    private void confirmDeleteCriterion(ModelCriterion criterion) {
        var shown = current();
        confirm(context.message("criterion.delete.title"), context.message("criterion.delete.text", criterion.name(locale)),
                context.message("criterion.delete"), () -> {
                    try {
                        models.deleteCriterion(shown.id(), editingVersion, criterion.id(), user());
                        saved("criterion.deleted", criterion.name(locale));
                    } catch (ModelChangedException e) {
                        changedElsewhere();
                    } catch (RatingModels.ModelBusyException e) {
                        busy();
                    }
                    reload(shown.id());
                });
    }

    private void openNewModel() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(context.message("model.new"));
        var newName = new TextField(context.message("model.name"));
        newName.setMaxLength(100);
        newName.setWidthFull();
        var create = new Button(context.message("model.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(click -> {
            try {
                long id = models.create(new RatingModels.Settings(newName.getValue(), null, 12), user());
                dialog.close();
                saved("model.created", newName.getValue().strip());
                reload(id);
            } catch (ModelRejectedException e) {
                newName.setErrorMessage(context.message(e.messageKey()));
                newName.setInvalid(true);
            }
        });
        dialog.add(newName);
        dialog.getFooter().add(new Button(context.message("action.cancel"), click -> dialog.close()), create);
        dialog.setWidth("26em");
        dialog.open();
        newName.focus();
    }

    void makeDefault() {
        var shown = current();
        try {
            models.makeDefault(shown.id());
            saved("model.default-set", shown.name());
        } catch (ModelChangedException e) {
            changedElsewhere();
        } catch (RatingModels.ModelBusyException e) {
            busy();
        }
        reload(shown.id());
    }

    private void confirmDelete() {
        var shown = current();
        confirm(context.message("model.delete.title"), context.message("model.delete.text", shown.name()),
                context.message("model.delete"), () -> {
                    try {
                        models.delete(shown.id(), editingVersion);
                        saved("model.deleted", shown.name());
                    } catch (ModelChangedException e) {
                        changedElsewhere();
                    } catch (RatingModels.ModelBusyException e) {
                        busy();
                    }
                    reload(null);
                });
    }

    private void confirm(String title, String text, String action, Runnable onConfirm) {
        var dialog = new ConfirmDialog(title, text, action, confirmed -> onConfirm.run());
        dialog.setCancelable(true);
        dialog.setCancelText(context.message("action.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void saved(String key, Object argument) {
        Notification.show(context.message(key, argument), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void changedElsewhere() {
        Notification.show(context.message("model.changed-elsewhere"), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_WARNING);
    }
}
