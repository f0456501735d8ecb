package org.crmworkbench.testplugins.good;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.api.account.AccountEventListener;
import org.jooq.impl.DSL;
import org.pf4j.Extension;

@Extension(ordinal = 2)
public class RecordingListener implements AccountEventListener {
    @Override
    public void onEvent(AccountEvent event, PluginContext context) {
        context.dsl().insertInto(DSL.table("event_log"), DSL.field("account_id"), DSL.field("kind"))
                .values(event.accountId(), event.getClass().getSimpleName()).execute();
    }
}
