package org.crmworkbench.plugin.tender;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.api.account.AccountEventListener;
import org.crmworkbench.plugin.tender.register.Tenders;
import org.pf4j.Extension;

/** When an account is deleted, the tenders it issued go with it (they cannot be shown without their authority). */
@Extension
public class AccountCleanup implements AccountEventListener {

    @Override
    public void onEvent(AccountEvent event, PluginContext context) {
        if (event instanceof AccountEvent.AccountDeleted deleted) {
            new Tenders(context.dsl(), context.clock(), null).deleteOfAuthority(deleted.accountId());
        }
    }
}
