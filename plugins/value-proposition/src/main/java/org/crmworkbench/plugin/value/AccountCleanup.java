package org.crmworkbench.plugin.value;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.api.account.AccountEventListener;
import org.jooq.impl.DSL;
import org.pf4j.Extension;

import static org.crmworkbench.api.coreviews.Tables.V_CONTACTS;
import static org.crmworkbench.plugin.value.jooq.Tables.CANVAS;
import static org.crmworkbench.plugin.value.jooq.Tables.CONTACT_MOTIVE;

/** When an account is deleted, its own canvas and its contacts' buying motives go with it. */
@Extension
public class AccountCleanup implements AccountEventListener {

    @Override
    public void onEvent(AccountEvent event, PluginContext context) {
        if (event instanceof AccountEvent.AccountDeleted deleted) {
            var dsl = context.dsl();
            dsl.deleteFrom(CANVAS).where(CANVAS.ACCOUNT_ID.eq(deleted.accountId())).execute();
            dsl.deleteFrom(CONTACT_MOTIVE).where(DSL.notExists(DSL.selectOne().from(V_CONTACTS)
                    .where(V_CONTACTS.ID.eq(CONTACT_MOTIVE.CONTACT_ID)))).execute();
        }
    }
}
