package com.example.crm.notes;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.api.account.AccountEventListener;
import org.pf4j.Extension;

/** A deleted account's notes go with it: the plugin keeps no data about accounts that are gone. */
@Extension
public class NotesCleanup implements AccountEventListener {

    @Override
    public void onEvent(AccountEvent event, PluginContext context) {
        if (event instanceof AccountEvent.AccountDeleted deleted) {
            new Notes(context).forget(deleted.accountId());
        }
    }
}
