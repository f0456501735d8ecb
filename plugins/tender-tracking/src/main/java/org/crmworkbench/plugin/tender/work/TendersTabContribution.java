package org.crmworkbench.plugin.tender.work;

import com.vaadin.flow.component.Component;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.api.account.AccountTabContribution;
import org.pf4j.Extension;

/** The account tab "Tenders": the tenders the account issued, their deadline warnings and win rate. */
@Extension
public class TendersTabContribution implements AccountTabContribution {

    @Override
    public String labelKey() {
        return "tab.label";
    }

    @Override
    public Component createTab(AccountRef account, PluginContext context) {
        return new TendersTab(account, context);
    }

    @Override
    public int order() {
        return 140;
    }
}
