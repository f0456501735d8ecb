package org.crmworkbench.plugin.value.argumentation;

import com.vaadin.flow.component.Component;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.api.account.AccountTabContribution;
import org.pf4j.Extension;

/** The account tab "Value proposition": DMU motives, the sales argumentation and the account's canvas. */
@Extension
public class ArgumentationTabContribution implements AccountTabContribution {

    @Override
    public String labelKey() {
        return "tab.label";
    }

    @Override
    public Component createTab(AccountRef account, PluginContext context) {
        return new ArgumentationTab(account, context);
    }

    @Override
    public int order() {
        return 130;
    }
}
