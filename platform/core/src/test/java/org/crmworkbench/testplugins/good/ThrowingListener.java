package org.crmworkbench.testplugins.good;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.api.account.AccountEventListener;
import org.pf4j.Extension;

@Extension(ordinal = 1)
public class ThrowingListener implements AccountEventListener {
    @Override
    public void onEvent(AccountEvent event, PluginContext context) {
        throw new IllegalStateException("listener broken on purpose");
    }
}
