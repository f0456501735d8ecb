package org.crmworkbench.plugin.tender.award;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.Controls;
import org.crmworkbench.plugin.tender.Feedback;
import org.crmworkbench.plugin.tender.Formats;
import org.crmworkbench.plugin.tender.InputRejectedException;
import org.crmworkbench.plugin.tender.register.Tender;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The award of a tender: the authority's criteria (best price-quality), the bidders with their prices
 * and points as published after the award decision, the ranking with our gap to the winner and the
 * price that would have won, and the standstill period in which we may object.
 */
public final class AwardPanel extends VerticalLayout {

    final Grid<Awards.Criterion> criteria = new Grid<>();
    final TextField criterionName = new TextField();
    final BigDecimalField criterionWeight = new BigDecimalField();
    final Checkbox criterionPrice = new Checkbox();
    final Grid<AwardResult.Ranked> ranking = new Grid<>();
    final Div summary = new Div();
    final Div problem = new Div();
    final Button addBidder = new Button();
    private final PluginContext context;
    private final Awards awards;
    private final Tender tender;
    private Awards.Ranking current;

    public AwardPanel(PluginContext context, Tender tender, boolean editor) {
        this.context = context;
        this.tender = tender;
        this.awards = new Awards(context.dsl(), context::requirePermission);
        setPadding(false);
        var locale = context.locale();
        var method = tender.input().awardMethod();
        add(new Paragraph(context.message("award.intro", context.message(method.labelKey()),
                context.message(tender.input().priceFormula().labelKey()))));
        standstill().ifPresent(this::add);

        if (method == AwardMethod.PRICE_QUALITY) {
            criteria.addColumn(Awards.Criterion::name).setHeader(context.message("award.criterion")).setFlexGrow(3);
            criteria.addColumn(c -> Formats.points(c.weight(), locale)).setHeader(context.message("award.weight")).setAutoWidth(true);
            criteria.addColumn(c -> context.message(c.price() ? "award.price-criterion" : "award.quality-criterion"))
                    .setHeader(context.message("award.kind")).setAutoWidth(true);
            if (editor) {
                criteria.addComponentColumn(c -> Controls.icon(context, VaadinIcon.TRASH, "award.delete-criterion", () -> {
                    awards.deleteCriterion(tender.id(), c.id());
                    refresh();
                })).setAutoWidth(true).setFlexGrow(0);
            }
            criteria.setAllRowsVisible(true);
            add(new H4(context.message("award.criteria")), criteria);
            if (editor) {
                criterionName.setPlaceholder(context.message("award.criterion"));
                criterionName.setAriaLabel(context.message("award.criterion"));
                criterionWeight.setPlaceholder(context.message("award.weight"));
                criterionWeight.setAriaLabel(context.message("award.weight"));
                criterionPrice.setLabel(context.message("award.is-price"));
                var add = new Button(context.message("award.add-criterion"), VaadinIcon.PLUS.create(), click -> addCriterion());
                var row = new HorizontalLayout(criterionName, criterionWeight, criterionPrice, add);
                row.setAlignItems(FlexComponent.Alignment.BASELINE);
                add(row);
            }
        }
        problem.setId("award-problem");
        ranking.addColumn(AwardResult.Ranked::rank).setHeader(context.message("award.rank")).setAutoWidth(true).setFlexGrow(0);
        ranking.addColumn(r -> r.bid().name() + (r.bid().us() ? " (" + context.message("award.us") + ")" : ""))
                .setHeader(context.message("award.bidder")).setFlexGrow(3);
        ranking.addColumn(r -> Formats.money(r.bid().price(), tender.input().currency(), locale)).setHeader(context.message("award.price"))
                .setAutoWidth(true);
        ranking.addColumn(r -> Formats.points(r.pricePoints(), locale)).setHeader(context.message("award.price-points")).setAutoWidth(true);
        if (method == AwardMethod.PRICE_QUALITY) {
            ranking.addColumn(r -> Formats.points(r.qualityPoints(), locale)).setHeader(context.message("award.quality-points")).setAutoWidth(true);
        }
        ranking.addColumn(r -> Formats.points(r.total(), locale)).setHeader(context.message("award.total")).setAutoWidth(true);
        if (editor) {
            ranking.addComponentColumn(r -> new HorizontalLayout(
                    Controls.icon(context, VaadinIcon.EDIT, "award.edit-bidder", () -> editBidder(current.bidderOf(r))),
                    Controls.icon(context, VaadinIcon.TRASH, "award.delete-bidder", () -> {
                        awards.deleteBidder(tender.id(), current.bidderOf(r).id());
                        refresh();
                    }))).setAutoWidth(true).setFlexGrow(0);
        }
        ranking.setAllRowsVisible(true);
        summary.setId("award-summary");
        addBidder.setText(context.message("award.add-bidder"));
        addBidder.setIcon(VaadinIcon.PLUS.create());
        addBidder.addClickListener(click -> editBidder(null));
        addBidder.setVisible(editor);
        add(new H4(context.message("award.bidders")), problem, ranking, addBidder, summary);
        refresh();
    }

    private Optional<Paragraph> standstill() {
        LocalDate end = tender.input().dates().standstillEnd();
        if (end == null || !tender.status().decided()) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(LocalDate.now(context.clock()), end);
        return Optional.of(new Paragraph(days >= 0
                ? context.message("award.standstill-open", Formats.date(end, context.locale()), days)
                : context.message("award.standstill-over", Formats.date(end, context.locale()))));
    }

    void addCriterion() {
        if (Feedback.unreadable(context, criterionWeight)) {
            return;
        }
        try {
            awards.addCriterion(tender.id(), criterionName.getValue(), criterionWeight.getValue(), criterionPrice.getValue());
            criterionName.clear();
            criterionWeight.clear();
            criterionPrice.clear();
            refresh();
            criterionName.focus();
        } catch (InputRejectedException e) {
            Feedback.rejected(context, e, Map.of("name", criterionName, "weight", criterionWeight));
        } catch (PermissionDeniedException e) {
            Feedback.denied(context, e);
        } catch (ChangedMeanwhileException e) {
            Feedback.changedMeanwhile(context);
            refresh();
        }
    }

    void editBidder(Awards.Bidder bidder) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(context.message(bidder == null ? "award.add-bidder" : "award.edit-bidder"));
        var name = new TextField(context.message("award.bidder"));
        name.setMaxLength(200);
        var us = new Checkbox(context.message("award.is-us"));
        var price = new BigDecimalField(context.message("award.price"));
        var form = new FormLayout(name, us, price);
        var fields = new HashMap<String, HasValidation>(Map.of("name", name, "price", price));
        var points = new LinkedHashMap<Long, BigDecimalField>();
        if (tender.input().awardMethod() == AwardMethod.PRICE_QUALITY) {
            for (Awards.Criterion c : awards.criteria(tender.id())) {
                if (!c.price()) {
                    var field = new BigDecimalField(context.message("award.points-of", c.name(), Formats.points(c.weight(), context.locale())));
                    points.put(c.id(), field);
                    fields.put("points-" + c.id(), field);
                    form.add(field);
                }
            }
        }
        if (bidder != null) {
            name.setValue(bidder.name());
            us.setValue(bidder.us());
            price.setValue(bidder.price());
            points.forEach((id, field) -> field.setValue(bidder.points().get(id)));
        }
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        var save = new Button(context.message("action.save"), click -> {
            if (Feedback.unreadable(context, price) | Feedback.unreadable(context, points.values().toArray(new BigDecimalField[0]))) {
                return;
            }
            var entered = new HashMap<Long, BigDecimal>();
            points.forEach((id, field) -> entered.put(id, field.getValue()));
            try {
                awards.saveBidder(tender.id(), bidder == null ? null : bidder.id(), name.getValue(), us.getValue(), price.getValue(), entered);
                dialog.close();
                refresh();
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, fields);
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                Feedback.changedMeanwhile(context);
                dialog.close();
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button(context.message("action.cancel"), click -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    void refresh() {
        var method = tender.input().awardMethod();
        if (method == AwardMethod.PRICE_QUALITY) {
            criteria.setItems(awards.criteria(tender.id()));
        }
        var issue = awards.problem(tender.id(), method);
        problem.setText(issue.map(context::message).orElse(""));
        problem.setVisible(issue.isPresent());
        if (issue.isPresent()) {
            ranking.setItems(List.of());
            summary.setText("");
            return;
        }
        current = awards.ranking(tender.id(), method, tender.input().priceFormula());
        var result = current.result();
        ranking.setItems(result.ranking());
        summary.setText(describe(result, context.locale()));
    }

    private String describe(AwardResult result, Locale locale) {
        if (result.ranking().isEmpty()) {
            return context.message("award.no-bidders");
        }
        var us = result.us();
        if (us.isEmpty()) {
            return context.message("award.we-did-not-bid", result.winner().orElseThrow().bid().name());
        }
        if (us.get().rank() == 1) {
            return context.message("award.we-won", result.ranking().size());
        }
        String gap = Formats.points(result.gap().orElse(BigDecimal.ZERO), locale);
        return result.priceToWin()
                .map(price -> context.message("award.we-lost", us.get().rank(), result.ranking().size(), gap,
                        Formats.money(price, tender.input().currency(), locale)))
                .orElseGet(() -> context.message("award.we-lost-on-quality", us.get().rank(), result.ranking().size(), gap));
    }
}
