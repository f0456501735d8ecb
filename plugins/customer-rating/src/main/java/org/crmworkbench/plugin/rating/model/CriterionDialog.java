package org.crmworkbench.plugin.rating.model;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.validator.BigDecimalRangeValidator;
import com.vaadin.flow.data.validator.IntegerRangeValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.metric.AccountMetric;
import org.crmworkbench.plugin.rating.model.RatingModels.CriterionInput;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Adds or changes a criterion of a model. Invalid input is flagged next to its field and nothing is
 * saved; the model's rules (names unique within the model, thresholds in the right order) are
 * checked again by {@link RatingModels} and shown the same way.
 */
final class CriterionDialog extends Dialog {

    final TextField nameEn = new TextField();
    final TextField nameNl = new TextField();
    final Select<AssessmentMethod> method = new Select<>();
    final RadioButtonGroup<CriterionKind> kind = new RadioButtonGroup<>();
    final Select<Rule> rule = new Select<>();
    final Select<String> metric = new Select<>();
    final BigDecimalField weight = new BigDecimalField();
    final IntegerField scaleMax = new IntegerField();
    final IntegerField minScore = new IntegerField();
    final TextField thresholds = new TextField();
    final Button save = new Button();
    private final Binder<Draft> binder = new Binder<>();
    private final PluginContext context;
    private final Long id;
    private final ModelCriterion existing;
    private final Consumer<CriterionInput> onSave;
    private final Map<String, AccountMetric> metrics;

    /** The form's editable copy. */
    static final class Draft {
        String nameEn = "";
        String nameNl = "";
        AssessmentMethod method = AssessmentMethod.ACCOUNT;
        CriterionKind kind = CriterionKind.MANUAL;
        Rule rule;
        String metricKey;
        BigDecimal weight;
        Integer scaleMax = 10;
        Integer minScore;
        String thresholds = "";
    }

    /**
     * @param existing the criterion to change, or null for a new one
     * @param metrics  the account metrics the installed plugins offer now
     * @param onSave   saves the input; a {@link RatingModels.ModelRejectedException} keeps the dialog
     *                 open with the message next to the field
     */
    CriterionDialog(PluginContext context, ModelCriterion existing, List<AccountMetric> metrics,
                    Consumer<CriterionInput> onSave) {
        this.context = context;
        this.id = existing == null ? null : existing.id();
        this.existing = existing;
        this.onSave = onSave;
        this.metrics = new LinkedHashMap<>();
        metrics.forEach(m -> this.metrics.putIfAbsent(m.key(), m));
        setHeaderTitle(context.message(existing == null ? "criterion.add" : "criterion.edit"));

        nameEn.setLabel(context.message("criterion.name-en"));
        nameNl.setLabel(context.message("criterion.name-nl"));
        nameEn.setMaxLength(100);
        nameNl.setMaxLength(100);
        method.setLabel(context.message("criterion.method"));
        method.setItems(AssessmentMethod.values());
        method.setItemLabelGenerator(m -> context.message(m.labelKey()));
        kind.setLabel(context.message("criterion.kind"));
        kind.setItems(CriterionKind.values());
        kind.setItemLabelGenerator(k -> context.message(k.labelKey()));
        rule.setLabel(context.message("criterion.rule"));
        // a metric only when a plugin offers one (or the criterion uses one already)
        boolean metricInUse = existing != null && existing.rule() == Rule.METRIC;
        rule.setItems(Arrays.stream(Rule.values()).filter(r -> r != Rule.METRIC || !this.metrics.isEmpty() || metricInUse).toList());
        rule.setItemLabelGenerator(r -> context.message(r.labelKey()));
        metric.setLabel(context.message("criterion.metric"));
        var keys = new ArrayList<>(this.metrics.keySet());
        if (metricInUse && !keys.contains(existing.metricKey())) {
            keys.add(existing.metricKey());
        }
        metric.setItems(keys);
        metric.setItemLabelGenerator(key -> this.metrics.containsKey(key) ? this.metrics.get(key).label(context.locale())
                : context.message("criterion.metric.missing", key));
        weight.setLabel(context.message("criterion.weight"));
        scaleMax.setLabel(context.message("criterion.scale"));
        scaleMax.setHelperText(context.message("criterion.scale.help"));
        minScore.setLabel(context.message("criterion.min-score"));
        minScore.setHelperText(context.message("criterion.min-score.help"));
        thresholds.setLabel(context.message("criterion.thresholds"));
        thresholds.setWidthFull();

        Draft draft = new Draft();
        if (existing != null) {
            draft.nameEn = existing.nameEn();
            draft.nameNl = existing.nameNl();
            draft.method = existing.method();
            draft.kind = existing.kind();
            draft.rule = existing.rule();
            draft.metricKey = existing.metricKey();
            draft.weight = existing.weight();
            draft.scaleMax = existing.scaleMax();
            draft.minScore = existing.minScore();
            draft.thresholds = existing.thresholds() == null ? "" : existing.thresholds().format();
        }
        bind();
        binder.setBean(draft);
        kind.addValueChangeListener(change -> showRuleFields());
        rule.addValueChangeListener(change -> showRuleFields());
        metric.addValueChangeListener(change -> showRuleFields());
        showRuleFields();

        var form = new FormLayout(nameEn, nameNl, method, weight, kind, rule, metric, scaleMax, minScore, thresholds);
        form.setColspan(kind, 2);
        form.setColspan(thresholds, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form);
        save.setText(context.message("criterion.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(click -> save());
        var cancel = new Button(context.message("action.cancel"), click -> close());
        getFooter().add(cancel, save);
        setWidth("44em");
    }

    private void bind() {
        binder.forField(nameEn).asRequired(context.message("criterion.name.required"))
                .withValidator(new StringLengthValidator(context.message("criterion.name.length"), 1, 100))
                .bind(d -> d.nameEn, (d, v) -> d.nameEn = v);
        binder.forField(nameNl).asRequired(context.message("criterion.name.required"))
                .withValidator(new StringLengthValidator(context.message("criterion.name.length"), 1, 100))
                .bind(d -> d.nameNl, (d, v) -> d.nameNl = v);
        binder.forField(method).asRequired(context.message("criterion.method.required"))
                .bind(d -> d.method, (d, v) -> d.method = v);
        binder.forField(kind).asRequired(context.message("criterion.kind.required"))
                .bind(d -> d.kind, (d, v) -> d.kind = v);
        binder.forField(rule)
                .withValidator((value, ctx) -> kind.getValue() == CriterionKind.COMPUTED && value == null
                        ? ValidationResult.error(context.message("criterion.rule.required")) : ValidationResult.ok())
                .bind(d -> d.rule, (d, v) -> d.rule = v);
        binder.forField(metric)
                .withValidator((value, ctx) -> kind.getValue() == CriterionKind.COMPUTED && rule.getValue() == Rule.METRIC
                        && value == null ? ValidationResult.error(context.message("criterion.metric.required")) : ValidationResult.ok())
                .bind(d -> d.metricKey, (d, v) -> d.metricKey = v);
        binder.forField(weight).asRequired(context.message("criterion.weight.required"))
                .withValidator(new BigDecimalRangeValidator(context.message("criterion.weight.range"),
                        new BigDecimal("0.01"), new BigDecimal("1000")))
                .withValidator(w -> w.scale() <= 2, context.message("criterion.weight.range"))
                .bind(d -> d.weight, (d, v) -> d.weight = v);
        binder.forField(scaleMax).asRequired(context.message("criterion.scale.range"))
                .withValidator(new IntegerRangeValidator(context.message("criterion.scale.range"), 2, 100))
                .bind(d -> d.scaleMax, (d, v) -> d.scaleMax = v);
        binder.forField(minScore)
                .withValidator((value, ctx) -> value != null && (value < 1 || scaleMax.getValue() == null
                        || value > scaleMax.getValue())
                        ? ValidationResult.error(context.message("criterion.min-score.range")) : ValidationResult.ok())
                .bind(d -> d.minScore, (d, v) -> d.minScore = v);
        binder.forField(thresholds)
                .withValidator((value, ctx) -> {
                    if (kind.getValue() != CriterionKind.COMPUTED || rule.getValue() == null || scaleMax.getValue() == null) {
                        return ValidationResult.ok();
                    }
                    var parsed = Thresholds.parse(value, scaleMax.getValue(), lowerIsBetter());
                    return parsed.errorKey() == null ? ValidationResult.ok()
                            : ValidationResult.error(context.message(parsed.errorKey()));
                })
                .bind(d -> d.thresholds, (d, v) -> d.thresholds = v);
    }

    /** Rule and thresholds only for a computed criterion; the helper text says which way the bounds go. */
    private void showRuleFields() {
        boolean computed = kind.getValue() == CriterionKind.COMPUTED;
        rule.setVisible(computed);
        metric.setVisible(computed && rule.getValue() == Rule.METRIC);
        thresholds.setVisible(computed);
        thresholds.setHelperText(context.message(lowerIsBetter() ? "criterion.thresholds.help-max" : "criterion.thresholds.help-min"));
    }

    /** Whether the chosen rule (or metric) is better low. */
    private boolean lowerIsBetter() {
        Rule chosen = rule.getValue();
        if (chosen == Rule.METRIC) {
            AccountMetric chosenMetric = metric.getValue() == null ? null : metrics.get(metric.getValue());
            if (chosenMetric == null) {
                // its plugin is gone: keep the direction the criterion was saved with
                return existing != null && metric.getValue() != null && metric.getValue().equals(existing.metricKey())
                        && existing.lowerIsBetter();
            }
            return chosenMetric.lowerIsBetter();
        }
        return chosen != null && chosen.lowerIsBetter();
    }

    void save() {
        if (!binder.validate().isOk()) {
            return;
        }
        Draft d = binder.getBean();
        boolean computed = d.kind == CriterionKind.COMPUTED;
        boolean lower = lowerIsBetter();
        Thresholds parsed = computed ? Thresholds.parse(d.thresholds, d.scaleMax, lower).thresholds() : null;
        boolean isMetric = computed && d.rule == Rule.METRIC;
        var input = new CriterionInput(id, d.nameEn, d.nameNl, d.method, d.kind, computed ? d.rule : null,
                isMetric ? d.metricKey : null, isMetric && lower, d.weight, d.scaleMax, d.minScore, parsed);
        try {
            onSave.accept(input);
            close();
        } catch (RatingModels.ModelRejectedException e) {
            reject(e.field(), context.message(e.messageKey()));
        } catch (RatingModels.ModelChangedException | RatingModels.ModelBusyException e) {
            // the view said why; the input stays for another try
        }
    }

    /** Shows a message the model gave for one of the fields. */
    private void reject(String field, String message) {
        HasValidation target = switch (field) {
            case "nameEn" -> nameEn;
            case "nameNl" -> nameNl;
            case "weight" -> weight;
            case "scaleMax" -> scaleMax;
            case "minScore" -> minScore;
            case "thresholds" -> thresholds;
            case "metric" -> metric;
            default -> rule;
        };
        target.setErrorMessage(message);
        target.setInvalid(true);
    }
}
