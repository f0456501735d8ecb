package org.crmworkbench.plugin.chain.scorecard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.chain.ChainSettings;
import org.crmworkbench.plugin.chain.map.AccountPicker;
import org.crmworkbench.plugin.chain.map.Chains;

import java.util.Locale;

/**
 * The role scorecard (route {@code /wholesale-chain/scorecard}): for one customer or one product group,
 * the average strength of each role we play, the gaps with a suggested action, and the history.
 */
@PermitAll
public class ScorecardView extends VerticalLayout implements HasDynamicTitle {

    enum Scope { CUSTOMER, GROUP }

    final RadioButtonGroup<Scope> scope = new RadioButtonGroup<>();
    final AccountPicker customer;
    final Select<String> group = new Select<>();
    final Div result = new Div();
    private final PluginContext context;
    private final Scorecards scorecards;

    public ScorecardView(PluginContext context) {
        this.context = context;
        this.scorecards = new Scorecards(context.dsl(), context.clock());
        customer = new AccountPicker(context, context.message("scorecard.customer"), true);
        customer.setWidth("20rem");
        scope.setLabel(context.message("scorecard.scope"));
        scope.setItems(Scope.values());
        scope.setItemLabelGenerator(s -> context.message("scorecard.scope." + s.name().toLowerCase(Locale.ROOT)));
        scope.setValue(Scope.CUSTOMER);
        group.setLabel(context.message("link.group"));
        group.setItems(new Chains(context.dsl(), context.clock()).groups());
        scope.addValueChangeListener(change -> show());
        customer.addValueChangeListener(change -> show());
        group.addValueChangeListener(change -> show());
        var bar = new HorizontalLayout(scope, customer, group);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        add(new H2(context.message("scorecard.title")), new Paragraph(context.message("scorecard.intro")), bar, result);
        show();
    }

    @Override
    public String getPageTitle() {
        return context.message("scorecard.title");
    }

    void show() {
        boolean byCustomer = scope.getValue() == Scope.CUSTOMER;
        customer.setVisible(byCustomer);
        group.setVisible(!byCustomer);
        result.removeAll();
        int target = new ChainSettings(context.dsl()).get().targetStrength();
        if (byCustomer && customer.getValue() != null) {
            result.add(new ScorecardPanel(context, scorecards.forCustomer(customer.getValue().id(), target), target));
        } else if (!byCustomer && group.getValue() != null) {
            result.add(new ScorecardPanel(context, scorecards.forGroup(group.getValue(), target), target));
        } else {
            result.add(new Paragraph(context.message(byCustomer ? "scorecard.choose-customer" : "scorecard.choose-group")));
        }
    }
}
