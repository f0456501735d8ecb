package org.crmworkbench.plugin.tender.decision;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.Feedback;
import org.crmworkbench.plugin.tender.Formats;
import org.crmworkbench.plugin.tender.InputRejectedException;
import org.crmworkbench.plugin.tender.TenderPermissions;
import org.crmworkbench.plugin.tender.register.Tender;
import org.crmworkbench.plugin.tender.register.TenderStatus;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The bid/no-bid decision of a tender: the pass/fail checks first, then each criterion scored 0..5
 * with the total out of 100 and the advice shown live, then the decision and its reason. Deciders
 * record it while the tender is open and not yet submitted; everyone sees what was decided.
 */
public final class DecisionForm extends VerticalLayout {

    final Map<Long, RadioButtonGroup<Boolean>> checks = new LinkedHashMap<>();
    final Map<Long, RadioButtonGroup<Integer>> scores = new LinkedHashMap<>();
    final Div total = new Div();
    final Div recorded = new Div();
    final RadioButtonGroup<Decision> decision = new RadioButtonGroup<>();
    final TextArea reason = new TextArea();
    final Button save = new Button();
    private final PluginContext context;
    private final BidDecisions decisions;
    private final Tender tender;
    private final Runnable changed;
    private final List<BidCriterion> questions;
    private final Thresholds thresholds;
    private final RecordedDecision seen;

    public DecisionForm(PluginContext context, Tender tender, Runnable changed) {
        this.context = context;
        this.tender = tender;
        this.changed = changed;
        this.decisions = new BidDecisions(context.dsl(), context.clock(), context::requirePermission);
        setPadding(false);
        var locale = context.locale();
        var existing = decisions.find(tender.id());
        this.seen = existing.orElse(null);
        this.thresholds = decisions.thresholds();
        this.questions = decisions.questions(true);
        boolean editable = context.hasPermission(TenderPermissions.DECIDE) && tender.status().open()
                && tender.status() != TenderStatus.SUBMITTED;

        recorded.setId("decision-recorded");
        existing.ifPresentOrElse(d -> recorded.setText(context.message("decision.recorded", context.message(d.decision().labelKey()),
                        Formats.oneDecimal(d.total(), locale), context.message(d.recommendation().labelKey()), d.decidedBy(),
                        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).format(d.decidedAt()), d.reason())),
                () -> recorded.setText(context.message("decision.none")));
        add(recorded, new Paragraph(context.message("decision.intro", thresholds.bid(), thresholds.review())));

        add(new H4(context.message("decision.checks")));
        for (BidCriterion q : questions.stream().filter(BidCriterion::check).toList()) {
            var group = new RadioButtonGroup<Boolean>(q.name(locale));
            group.setItems(true, false);
            group.setItemLabelGenerator(pass -> context.message(pass ? "decision.pass" : "decision.fail"));
            existing.map(d -> d.checks().get(q.id())).ifPresent(group::setValue);
            group.addValueChangeListener(change -> showTotal());
            group.setReadOnly(!editable);
            checks.put(q.id(), group);
            add(group);
        }
        add(new H4(context.message("decision.criteria")));
        for (BidCriterion q : questions.stream().filter(c -> !c.check()).toList()) {
            var group = new RadioButtonGroup<Integer>(context.message("decision.criterion", q.name(locale), q.weight()));
            group.setItems(IntStream.rangeClosed(0, BidScore.MAX_SCORE).boxed().toList());
            existing.map(d -> d.scores().get(q.id())).ifPresent(group::setValue);
            group.addValueChangeListener(change -> showTotal());
            group.setReadOnly(!editable);
            scores.put(q.id(), group);
            add(group);
        }
        total.setId("bid-total");
        total.getStyle().set("font-weight", "600");
        decision.setLabel(context.message("decision.decision"));
        decision.setItems(Decision.values());
        decision.setItemLabelGenerator(d -> context.message(d.labelKey()));
        reason.setLabel(context.message("decision.reason"));
        reason.setMaxLength(BidDecisions.MAX_REASON);
        reason.setWidth("36rem");
        existing.ifPresent(d -> {
            decision.setValue(d.decision());
            reason.setValue(d.reason());
        });
        decision.setReadOnly(!editable);
        reason.setReadOnly(!editable);
        save.setText(context.message("decision.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        save.setVisible(editable);
        add(total, decision, reason, save);
        if (!editable && context.hasPermission(TenderPermissions.DECIDE)) {
            add(new Paragraph(context.message("decision.closed")));
        }
        showTotal();
    }

    private Map<Long, Boolean> checkAnswers() {
        var answers = new HashMap<Long, Boolean>();
        checks.forEach((id, group) -> {
            if (group.getValue() != null) {
                answers.put(id, group.getValue());
            }
        });
        return answers;
    }

    private Map<Long, Integer> scoreAnswers() {
        var answers = new HashMap<Long, Integer>();
        scores.forEach((id, group) -> {
            if (group.getValue() != null) {
                answers.put(id, group.getValue());
            }
        });
        return answers;
    }

    void showTotal() {
        var outcome = BidDecisions.advise(questions, thresholds, checkAnswers(), scoreAnswers());
        total.setText(context.message(outcome.failedCheck() ? "decision.total-failed" : "decision.total",
                Formats.oneDecimal(outcome.total(), context.locale()), context.message(outcome.recommendation().labelKey())));
    }

    void save() {
        var fields = new HashMap<String, HasValidation>();
        checks.forEach((id, group) -> fields.put("check-" + id, group));
        scores.forEach((id, group) -> fields.put("score-" + id, group));
        fields.put("decision", decision);
        fields.put("reason", reason);
        try {
            decisions.record(tender.id(), seen, checkAnswers(), scoreAnswers(), decision.getValue(), reason.getValue(), Feedback.by(context));
            Feedback.success(context.message("decision.saved"));
            changed.run();
        } catch (InputRejectedException e) {
            Feedback.rejected(context, e, fields);
        } catch (PermissionDeniedException e) {
            Feedback.denied(context, e);
        } catch (ChangedMeanwhileException e) {
            Feedback.changedMeanwhile(context);
            changed.run();
        }
    }
}
