package org.crmworkbench.plugin.chain.map;

import com.vaadin.flow.component.Component;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.api.account.AccountTabContribution;
import org.pf4j.Extension;

/** The account tab "Chain" for customers and suppliers. */
@Extension
public class ChainTabContribution implements AccountTabContribution {

    @Override
    public String labelKey() {
        return "tab.label";
    }

    @Override
    public Component createTab(AccountRef account, PluginContext context) {
        return new ChainTab(account, context);
    }

    @Override
    public int order() {
        return 150;
    }
}
