package org.crmworkbench.plugin.chain.risk;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.chain.ChainPermissions;
import org.crmworkbench.plugin.chain.ChainSettings;
import org.crmworkbench.plugin.chain.ChainViews;
import org.crmworkbench.plugin.chain.ChangedMeanwhileException;
import org.crmworkbench.plugin.chain.Feedback;
import org.crmworkbench.plugin.chain.InputRejectedException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The relationships at risk (route {@code /wholesale-chain/risks}): where we only buy and sell, where a
 * customer also buys directly from the producer, and where a producer took distribution back; with
 * the threshold and scorecard target for those who manage the plugin.
 */
@PermitAll
public class RisksView extends VerticalLayout implements HasDynamicTitle {

    final Select<RiskType> type = new Select<>();
    final HorizontalLayout counts = new HorizontalLayout();
    final Grid<RiskFlag> flags = new Grid<>();
    final IntegerField threshold = new IntegerField();
    final IntegerField target = new IntegerField();
    private final PluginContext context;
    private final Risks risks;
    private final ChainSettings settings;
    private ChainSettings.Values values;

    public RisksView(PluginContext context) {
        this.context = context;
        this.risks = new Risks(context.dsl(), context.clock());
        this.settings = new ChainSettings(context.dsl(), context::requirePermission);
        this.values = settings.get();
        type.setLabel(context.message("risks.type"));
        type.setItems(RiskType.values());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(context.message("risks.all"));
        type.setItemLabelGenerator(t -> t == null ? context.message("risks.all") : context.message(t.labelKey()));
        type.addValueChangeListener(change -> refresh());
        counts.setWrap(true);
        flags.addComponentColumn(f -> {
            var badge = new Span(context.message(f.type().labelKey()));
            badge.getElement().setAttribute("theme", f.type() == RiskType.BUY_SELL_ONLY ? "badge" : "badge error");
            return badge;
        }).setHeader(context.message("risks.type")).setAutoWidth(true);
        flags.addComponentColumn(f -> new Anchor(ChainViews.MAP + "?group=" + URLEncoder.encode(f.productGroup(), StandardCharsets.UTF_8),
                f.productGroup())).setHeader(context.message("link.group")).setAutoWidth(true);
        flags.addComponentColumn(f -> party(f.supplierId(), f.supplierName())).setHeader(context.message("risks.supplier")).setFlexGrow(2);
        flags.addComponentColumn(f -> party(f.customerId(), f.customerName())).setHeader(context.message("risks.customer")).setFlexGrow(2);
        flags.addColumn(f -> context.message(f.type().labelKey() + ".what")).setHeader(context.message("risks.meaning")).setFlexGrow(4);
        flags.setHeight("26rem");
        flags.setEmptyStateText(context.message("risks.none"));
        add(new H2(context.message("risks.title")), new Paragraph(context.message("risks.intro")), counts, type, flags);
        if (context.hasPermission(ChainPermissions.MANAGE)) {
            threshold.setLabel(context.message("settings.threshold"));
            threshold.setMin(0);
            threshold.setMax(4);
            threshold.setStepButtonsVisible(true);
            target.setLabel(context.message("settings.target"));
            target.setMin(1);
            target.setMax(5);
            target.setStepButtonsVisible(true);
            var save = new Button(context.message("action.save"), click -> save());
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var row = new HorizontalLayout(threshold, target, save);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(new H4(context.message("settings.title")), new Paragraph(context.message("settings.intro")), row);
            showSettings();
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return context.message("risks.title");
    }

    private Span party(Long id, String name) {
        return id == null ? new Span(context.message("party.us")) : new Span(name);
    }

    private void showSettings() {
        threshold.setValue(values.roleThreshold());
        target.setValue(values.targetStrength());
    }

    void save() {
        if (Feedback.unreadable(context, threshold, target)) {
            return;
        }
        if (threshold.getValue() == null || target.getValue() == null) {
            Feedback.error(context.message("settings.error.numbers"));
            return;
        }
        try {
            settings.save(threshold.getValue(), target.getValue(), values.version());
            Feedback.success(context.message("settings.saved"));
        } catch (InputRejectedException e) {
            Feedback.rejected(context, e, Map.of("roleThreshold", threshold, "targetStrength", target));
            return;
        } catch (PermissionDeniedException e) {
            Feedback.denied(context, e);
        } catch (ChangedMeanwhileException e) {
            Feedback.changedMeanwhile(context);
        }
        values = settings.get();
        showSettings();
        refresh();
    }

    void refresh() {
        counts.removeAll();
        risks.counts(values.roleThreshold()).forEach((kind, count) -> {
            var badge = new Span(context.message("risks.count", context.message(kind.labelKey()), count));
            badge.getElement().setAttribute("theme", count > 0 && kind != RiskType.BUY_SELL_ONLY ? "badge error" : "badge contrast");
            counts.add(badge);
        });
        var kind = type.getValue();
        int threshold = values.roleThreshold();
        flags.setItems(query -> risks.flags(kind, null, threshold, query.getOffset(), query.getLimit()).stream(),
                query -> risks.count(kind, null, threshold));
    }
}
