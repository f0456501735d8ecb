package org.crmworkbench.plugin.tender.decision;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.Controls;
import org.crmworkbench.plugin.tender.Feedback;
import org.crmworkbench.plugin.tender.InputRejectedException;

import java.util.HashMap;
import java.util.Map;

/**
 * Bid/no-bid settings (route {@code /tender-tracking/settings}, for deciders): the thresholds of the
 * advice, the warning period for deadlines, the pass/fail checks and the weighted criteria.
 */
@PermitAll
public class BidSettingsView extends VerticalLayout implements HasDynamicTitle {

    final IntegerField bid = new IntegerField();
    final IntegerField review = new IntegerField();
    final IntegerField warningDays = new IntegerField();
    final Grid<BidCriterion> questions = new Grid<>();
    private final PluginContext context;
    private final BidDecisions decisions;
    private int thresholdsVersion;

    public BidSettingsView(PluginContext context) {
        this.context = context;
        this.decisions = new BidDecisions(context.dsl(), context.clock(), context::requirePermission);
        var locale = context.locale();
        bid.setLabel(context.message("settings.bid"));
        review.setLabel(context.message("settings.review"));
        warningDays.setLabel(context.message("settings.warning-days"));
        for (var field : new IntegerField[]{bid, review}) {
            field.setMin(0);
            field.setMax(100);
            field.setStepButtonsVisible(true);
        }
        warningDays.setMin(1);
        warningDays.setMax(365);
        warningDays.setStepButtonsVisible(true);
        var thresholds = decisions.thresholds();
        thresholdsVersion = decisions.thresholdsVersion();
        bid.setValue(thresholds.bid());
        review.setValue(thresholds.review());
        warningDays.setValue(thresholds.warningDays());
        var saveThresholds = new Button(context.message("action.save"), click -> saveThresholds());
        saveThresholds.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var thresholdRow = new HorizontalLayout(bid, review, warningDays, saveThresholds);
        thresholdRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        questions.addColumn(q -> context.message(q.check() ? "settings.kind.check" : "settings.kind.criterion"))
                .setHeader(context.message("settings.kind")).setAutoWidth(true);
        questions.addColumn(q -> q.name(locale)).setHeader(context.message("settings.name")).setFlexGrow(3);
        questions.addColumn(q -> q.check() ? "" : String.valueOf(q.weight())).setHeader(context.message("settings.weight")).setAutoWidth(true);
        questions.addColumn(q -> context.message(q.active() ? "settings.active" : "settings.inactive")).setHeader(context.message("settings.state"))
                .setAutoWidth(true);
        questions.addComponentColumn(q -> Controls.icon(context, VaadinIcon.EDIT, "settings.edit", () -> edit(q, q.check())))
                .setAutoWidth(true).setFlexGrow(0);
        questions.setAllRowsVisible(true);
        var addCheck = new Button(context.message("settings.add-check"), VaadinIcon.PLUS.create(), click -> edit(null, true));
        var addCriterion = new Button(context.message("settings.add-criterion"), VaadinIcon.PLUS.create(), click -> edit(null, false));
        add(new H2(context.message("settings.title")), new Paragraph(context.message("settings.intro")), new H4(context.message("settings.thresholds")),
                thresholdRow, new H4(context.message("settings.questions")), new HorizontalLayout(addCheck, addCriterion), questions);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return context.message("settings.title");
    }

    void saveThresholds() {
        if (Feedback.unreadable(context, bid, review, warningDays)) {
            return;
        }
        if (bid.getValue() == null || review.getValue() == null || warningDays.getValue() == null) {
            Feedback.error(context.message("settings.error.numbers"));
            return;
        }
        try {
            decisions.saveThresholds(bid.getValue(), review.getValue(), warningDays.getValue(), thresholdsVersion);
            thresholdsVersion = decisions.thresholdsVersion();
            Feedback.success(context.message("settings.saved"));
        } catch (InputRejectedException e) {
            Feedback.rejected(context, e, Map.of("bid", bid, "review", review, "warningDays", warningDays));
        } catch (PermissionDeniedException e) {
            Feedback.denied(context, e);
        } catch (ChangedMeanwhileException e) {
            Feedback.changedMeanwhile(context);
            var stored = decisions.thresholds();
            bid.setValue(stored.bid());
            review.setValue(stored.review());
            warningDays.setValue(stored.warningDays());
            thresholdsVersion = decisions.thresholdsVersion();
        }
    }

    void edit(BidCriterion question, boolean check) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(context.message(check ? "settings.add-check" : "settings.add-criterion"));
        var nameEn = new TextField(context.message("settings.name-en"));
        var nameNl = new TextField(context.message("settings.name-nl"));
        nameEn.setMaxLength(BidDecisions.MAX_NAME);
        nameNl.setMaxLength(BidDecisions.MAX_NAME);
        var weight = new IntegerField(context.message("settings.weight"));
        weight.setMin(1);
        weight.setMax(100);
        weight.setVisible(!check);
        var active = new Checkbox(context.message("settings.active"), true);
        active.setVisible(question != null);
        if (question != null) {
            nameEn.setValue(question.nameEn());
            nameNl.setValue(question.nameNl());
            weight.setValue(question.weight());
            active.setValue(question.active());
        }
        var fields = new HashMap<String, com.vaadin.flow.component.HasValidation>(Map.of("nameEn", nameEn, "nameNl", nameNl, "weight", weight));
        var save = new Button(context.message("action.save"), click -> {
            try {
                decisions.saveQuestion(question == null ? null : question.id(), check, nameEn.getValue(), nameNl.getValue(), weight.getValue(),
                        active.getValue(), question == null ? 0 : question.version());
                dialog.close();
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, fields);
                return;
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                Feedback.changedMeanwhile(context);
                dialog.close();
            }
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout(nameEn, nameNl, weight, active);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("26rem");
        dialog.add(form);
        dialog.getFooter().add(new Button(context.message("action.cancel"), click -> dialog.close()), save);
        dialog.open();
        nameEn.focus();
    }

    private void refresh() {
        questions.setItems(decisions.questions(false));
    }
}
