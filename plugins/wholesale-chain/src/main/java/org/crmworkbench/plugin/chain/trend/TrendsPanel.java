package org.crmworkbench.plugin.chain.trend;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.chain.ChainPermissions;
import org.crmworkbench.plugin.chain.ChangedMeanwhileException;
import org.crmworkbench.plugin.chain.Feedback;
import org.crmworkbench.plugin.chain.Formats;
import org.crmworkbench.plugin.chain.InputRejectedException;

import java.util.Map;

/**
 * The trend checklist of one chain: each trend, how far our response is, and what it is. Each trend
 * saves on its own, so text typed in another trend stays on screen.
 */
public final class TrendsPanel extends VerticalLayout {

    public TrendsPanel(PluginContext context, String productGroup) {
        setPadding(false);
        var trends = new Trends(context.dsl(), context.clock(), context::requirePermission);
        boolean editor = context.hasPermission(ChainPermissions.EDIT);
        for (Trends.Item item : trends.of(productGroup)) {
            add(new TrendRow(context, trends, productGroup, item, editor));
        }
    }

    /** One trend with its own version, so a stale save keeps what was typed and a second save applies it. */
    private static final class TrendRow extends Div {

        private Trends.Item item;

        TrendRow(PluginContext context, Trends trends, String productGroup, Trends.Item shown, boolean editor) {
            this.item = shown;
            addClassName("chain-trend");
            var status = new Select<TrendStatus>();
            status.setLabel(context.message("trends.status"));
            status.setItems(TrendStatus.values());
            status.setItemLabelGenerator(s -> context.message(s.labelKey()));
            status.setValue(item.status());
            status.setReadOnly(!editor);
            var response = new TextArea(context.message("trends.response"));
            response.setMaxLength(Trends.MAX_RESPONSE);
            response.setValue(item.response());
            response.setWidth("34rem");
            response.setReadOnly(!editor);
            var changed = new Div();
            changed.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            Runnable showChanged = () -> changed.setText(item.updatedBy() == null ? ""
                    : context.message("trends.changed", item.updatedBy(), Formats.date(item.updatedAt().toLocalDate(), context.locale())));
            showChanged.run();
            var save = new Button(context.message("action.save"), click -> {
                try {
                    trends.save(productGroup, item.trend(), status.getValue(), response.getValue(), item.version(), Feedback.by(context));
                    Feedback.success(context.message("trends.saved"));
                } catch (InputRejectedException e) {
                    Feedback.rejected(context, e, Map.of("status", status, "response", response));
                    return;
                } catch (PermissionDeniedException e) {
                    Feedback.denied(context, e);
                } catch (ChangedMeanwhileException e) {
                    Feedback.error(context.message("trends.changed-meanwhile"));
                }
                item = trends.of(productGroup).stream().filter(i -> i.trend() == item.trend()).findFirst().orElse(item);
                showChanged.run();
            });
            save.setVisible(editor);
            var row = new HorizontalLayout(status, response, save);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.setWrap(true);
            add(new H4(context.message(item.trend().labelKey())), new Div(context.message(item.trend().labelKey() + ".why")), row, changed);
        }
    }
}
