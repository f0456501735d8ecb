package org.crmworkbench.plugin.chain;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.api.account.AccountEventListener;
import org.crmworkbench.plugin.chain.map.Chains;
import org.pf4j.Extension;

/** When an account is deleted, its chain links (with their roles) and its supplier mark go with it. */
@Extension
public class AccountCleanup implements AccountEventListener {

    @Override
    public void onEvent(AccountEvent event, PluginContext context) {
        if (event instanceof AccountEvent.AccountDeleted deleted) {
            new Chains(context.dsl(), context.clock()).forget(deleted.accountId());
        }
    }
}
