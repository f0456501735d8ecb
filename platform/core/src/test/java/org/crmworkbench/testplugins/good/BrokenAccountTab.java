package org.crmworkbench.testplugins.good;

import com.vaadin.flow.component.Component;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.api.account.AccountTabContribution;
import org.pf4j.Extension;

@Extension
public class BrokenAccountTab implements AccountTabContribution {
    @Override
    public String labelKey() {
        return "tab.broken";
    }

    @Override
    public Component createTab(AccountRef account, PluginContext context) {
        throw new IllegalStateException("tab broken on purpose");
    }

    @Override
    public String requiredPermission() {
        return "test-good.see-secret";
    }

    @Override
    public int order() {
        return 50;
    }
}
