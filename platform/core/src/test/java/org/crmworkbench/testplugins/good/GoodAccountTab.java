package org.crmworkbench.testplugins.good;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.api.account.AccountTabContribution;
import org.pf4j.Extension;

@Extension
public class GoodAccountTab implements AccountTabContribution {
    @Override
    public String labelKey() {
        return "tab.notes";
    }

    @Override
    public Component createTab(AccountRef account, PluginContext context) {
        return new Span("notes of " + account.name());
    }
}
