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
import org.crmworkbench.plugin.chain.ChainPermissions;
import org.crmworkbench.plugin.chain.ChangedMeanwhileException;
import org.crmworkbench.plugin.chain.Feedback;
import org.crmworkbench.plugin.chain.InputRejectedException;

import java.util.Map;

/** The trend checklist of one chain: each trend, how far our response is, and what it is. */
public final class TrendsPanel extends VerticalLayout {

    private final PluginContext context;
    private final Trends trends;
    private final String productGroup;

    public TrendsPanel(PluginContext context, String productGroup) {
        this.context = context;
        this.trends = new Trends(context.dsl(), context.clock());
        this.productGroup = productGroup;
        setPadding(false);
        render();
    }

    private void render() {
        removeAll();
        boolean editor = context.hasPermission(ChainPermissions.EDIT);
        for (Trends.Item item : trends.of(productGroup)) {
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
            var save = new Button(context.message("action.save"), click -> {
                try {
                    trends.save(productGroup, item.trend(), status.getValue(), response.getValue(), item.version(), Feedback.by(context));
                    Feedback.success(context.message("trends.saved"));
                } catch (InputRejectedException e) {
                    Feedback.rejected(context, e, Map.of("status", status, "response", response));
                    return;
                } catch (ChangedMeanwhileException e) {
                    Feedback.changedMeanwhile(context);
                }
                render();
            });
            save.setVisible(editor);
            var row = new HorizontalLayout(status, response, save);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.setWrap(true);
            var trend = new Div(new H4(context.message(item.trend().labelKey())), new Div(context.message(item.trend().labelKey() + ".why")), row);
            trend.addClassName("chain-trend");
            add(trend);
        }
    }
}
