package org.crmworkbench.plugin.rating.score;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.api.account.AccountTabContribution;
import org.crmworkbench.plugin.rating.RatingPermissions;
import org.crmworkbench.plugin.rating.analysis.CustomerAnalysis;
import org.crmworkbench.plugin.rating.model.CriterionKind;
import org.crmworkbench.plugin.rating.model.ModelCriterion;
import org.crmworkbench.plugin.rating.model.ModelSelect;
import org.crmworkbench.plugin.rating.model.RatingModel;
import org.crmworkbench.plugin.rating.model.RatingModels;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The account editor's "Rating" tab: the account's value on a model, whether it qualifies, the
 * breakdown per criterion (what lifted and what lowered the value most), failed knock-outs, the
 * history of values, the manual scores (editable by the account manager and by users who edit the
 * models) and following the account for alerts.
 */
@Extension
public class RatingAccountTab implements AccountTabContribution {

    @Override
    public String labelKey() {
        return "rating-tab.label";
    }

    @Override
    public int order() {
        return 105;
    }

    @Override
    public Component createTab(AccountRef account, PluginContext context) {
        return new Tab(account, context);
    }

    /** The tab's content for one account. */
    static final class Tab extends VerticalLayout {

        final Select<RatingModel> model;
        final Div shown = new Div();
        final Checkbox follow = new Checkbox();
        private final AccountRef account;
        private final PluginContext context;
        private final RatingModels models;
        private final RatingResults results;
        private final ManualScores manual;
        private final Locale locale;
        private final DateTimeFormatter dateTimes;
        private final boolean mayScore;
        /** The manual scores as the form shows them: only what the user changes is written. */
        private Map<Long, ManualScores.Given> shownScores = Map.of();

        Tab(AccountRef account, PluginContext context) {
            this.account = account;
            this.context = context;
            this.model = ModelSelect.create(context);
            this.models = new RatingModels(context.dsl(), context.clock());
            this.results = new RatingResults(context.dsl(), models);
            this.manual = new ManualScores(context.dsl(), context.clock());
            this.locale = context.locale();
            this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
            var user = context.currentUser();
            this.mayScore = context.hasPermission(RatingPermissions.EDIT_CRITERIA) || user
                    .map(u -> new CustomerAnalysis(context.dsl(), context.clock()).isAccountManager(account.id(), u.id()))
                    .orElse(false);
            setPadding(false);

            var all = models.list();
            if (all.isEmpty()) {
                add(new Paragraph(context.message("rating-tab.no-model")));
            } else {
                model.setItems(all);
                model.setVisible(all.size() > 1);
                model.addValueChangeListener(change -> show());
                add(model, shown);
                model.setValue(all.getFirst());
            }
            user.ifPresent(u -> {
                var alerts = new Alerts(context.dsl(), context.clock());
                follow.setLabel(context.message("rating-tab.follow"));
                follow.setValue(alerts.follows(u.id(), account.id()));
                follow.addValueChangeListener(change -> {
                    if (change.isFromClient()) {
                        alerts.follow(u.id(), account.id(), change.getValue());
                        Notification.show(context.message(change.getValue() ? "rating-tab.following" : "rating-tab.not-following"),
                                3000, Notification.Position.BOTTOM_START);
                    }
                });
                add(follow);
            });
        }

        private void show() {
            shown.removeAll();
            RatingModel chosen = model.getValue();
            if (chosen == null) {
                return;
            }
            var result = results.explain(account.id(), chosen.id());
            result.ifPresentOrElse(this::showResult, () -> shown.add(new Paragraph(context.message("rating-tab.not-rated"))));
            showManualScores(chosen);
            var history = results.history(chosen.id(), account.id(), 20);
            if (!history.isEmpty()) {
                var grid = new Grid<RatingResults.HistoryEntry>();
                grid.addColumn(h -> dateTimes.format(h.ratedAt())).setHeader(context.message("rating-tab.rated-at")).setAutoWidth(true);
                grid.addColumn(RatingResults.HistoryEntry::modelVersion).setHeader(context.message("version.version"));
                grid.addColumn(h -> plain(h.value())).setHeader(context.message("results.value"));
                grid.addColumn(h -> context.message(h.qualifies() ? "results.yes" : "results.no"))
                        .setHeader(context.message("results.qualifies"));
                grid.setItems(history);
                grid.setAllRowsVisible(true);
                grid.addClassName("rating-history");
                shown.add(new H4(context.message("rating-tab.history")), grid);
            }
        }

        private void showResult(RatingResults.Explained result) {
            String cutOff = result.minimumTotal() == null ? context.message("rating-tab.no-cut-off")
                    : context.message("rating-tab.cut-off", plain(result.minimumTotal()));
            shown.add(new Paragraph(context.message(result.qualifies() ? "rating-tab.qualifies" : "rating-tab.does-not-qualify",
                    plain(result.value()), cutOff)));
            shown.add(new Paragraph(context.message("rating-tab.model-version", result.modelName(), result.modelVersion(),
                    dateTimes.format(result.ratedAt()))));
            var failed = result.parts().stream().filter(RatingResults.Part::knockedOut)
                    .map(p -> context.message(p.score() == null ? "rating-tab.knock-out-unscored" : "rating-tab.knock-out",
                            p.criterion().name(locale), p.score() == null ? "" : p.score(), p.criterion().minScore()))
                    .collect(Collectors.joining("; "));
            if (!failed.isEmpty()) {
                shown.add(new Paragraph(context.message("rating-tab.knock-outs", failed)));
            }
            result.liftedMost().ifPresent(p -> shown.add(new Paragraph(context.message("rating-tab.lifted-most",
                    p.criterion().name(locale), signed(p.effect())))));
            result.loweredMost().ifPresent(p -> shown.add(new Paragraph(context.message("rating-tab.lowered-most",
                    p.criterion().name(locale), signed(p.effect())))));

            var numbers = java.text.NumberFormat.getNumberInstance(locale);
            numbers.setMaximumFractionDigits(2);
            var grid = new Grid<RatingResults.Part>();
            grid.addColumn(p -> p.criterion().name(locale)).setHeader(context.message("criterion.name")).setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(p -> context.message(p.criterion().method().labelKey())).setHeader(context.message("criterion.method"))
                    .setAutoWidth(true);
            grid.addColumn(p -> p.raw() == null ? "" : numbers.format(p.raw())).setHeader(context.message("rating-tab.raw")).setAutoWidth(true);
            grid.addColumn(p -> p.score() == null ? context.message("rating-tab.unscored")
                    : p.score() + " / " + p.criterion().scaleMax()).setHeader(context.message("rating-tab.score"));
            grid.addColumn(p -> plain(p.criterion().weight())).setHeader(context.message("criterion.weight"));
            grid.addColumn(p -> plain(p.contribution())).setHeader(context.message("rating-tab.contribution")).setAutoWidth(true);
            grid.addColumn(p -> signed(p.effect())).setHeader(context.message("rating-tab.effect"));
            grid.addColumn(p -> p.knockedOut() ? context.message("rating-tab.knocked-out") : "")
                    .setHeader(context.message("criterion.min-score")).setAutoWidth(true);
            grid.setItems(result.parts());
            grid.setAllRowsVisible(true);
            grid.addClassName("rating-breakdown");
            shown.add(new H4(context.message("rating-tab.breakdown")), grid);
        }

        /** The model's manual criteria with this account's scores; editable by who may score. */
        private void showManualScores(RatingModel chosen) {
            List<ModelCriterion> manualCriteria = models.criteria(chosen.id()).stream()
                    .filter(c -> c.kind() == CriterionKind.MANUAL).toList();
            if (manualCriteria.isEmpty()) {
                return;
            }
            var given = manual.of(chosen.id(), account.id());
            shownScores = given;
            var fields = new LinkedHashMap<ModelCriterion, IntegerField>();
            var form = new FormLayout();
            for (ModelCriterion criterion : manualCriteria) {
                var field = new IntegerField(criterion.name(locale));
                field.setMin(1);
                field.setMax(criterion.scaleMax());
                field.setStepButtonsVisible(true);
                field.setReadOnly(!mayScore);
                var score = given.get(criterion.id());
                if (score != null) {
                    field.setValue(score.score());
                    field.setHelperText(context.message("rating-tab.scored-by", score.by(), dateTimes.format(score.at())));
                } else {
                    field.setHelperText(context.message("rating-tab.scale", criterion.scaleMax()));
                }
                fields.put(criterion, field);
                form.add(field);
            }
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
            shown.add(new H4(context.message("rating-tab.manual")), form);
            if (mayScore) {
                var save = new Button(context.message("rating-tab.save-scores"), click -> save(chosen, fields));
                save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                shown.add(save);
            }
        }

        void save(RatingModel chosen, Map<ModelCriterion, IntegerField> fields) {
            boolean valid = true;
            for (var entry : fields.entrySet()) {
                IntegerField field = entry.getValue();
                Integer value = field.getValue();
                boolean bad = value == null && field.isInvalid()
                        || value != null && (value < 1 || value > entry.getKey().scaleMax());
                field.setInvalid(bad);
                if (bad) {
                    field.setErrorMessage(context.message("rating-tab.score-range", entry.getKey().scaleMax()));
                    valid = false;
                }
            }
            if (!valid) {
                return;
            }
            String by = context.currentUser().map(UserRef::username).orElse("?");
            var before = shownScores;
            try {
                context.dsl().transaction(tx -> {
                    var scores = new ManualScores(tx.dsl(), context.clock());
                    fields.forEach((criterion, field) -> {
                        var old = before.get(criterion.id());
                        if (!Objects.equals(old == null ? null : old.score(), field.getValue())) {
                            scores.set(criterion.id(), account.id(), field.getValue(), by);
                        }
                    });
                });
            } catch (IllegalArgumentException e) {
                // the model changed under the form (criterion deleted, made computed, scale lowered): nothing saved
                Notification.show(context.message("rating-tab.model-changed"), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
                show();
                return;
            }
            Notification.show(context.message("rating-tab.scores-saved"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show();
        }

        private static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }

        private static String signed(BigDecimal value) {
            return (value.signum() > 0 ? "+" : "") + plain(value);
        }
    }
}
