package org.crmworkbench.test;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.api.account.AccountEventListener;
import org.crmworkbench.api.security.PermissionContribution;
import org.crmworkbench.api.security.PermissionDefinition;

import java.util.List;
import java.util.Set;

/** The extensions of the little plugin "harness-check" that the harness test runs. */
final class HarnessCheckExtensions {

    private HarnessCheckExtensions() {
    }

    public static final class Permissions implements PermissionContribution {
        @Override
        public List<PermissionDefinition> permissions() {
            return List.of(new PermissionDefinition("harness-check.edit", "check.edit", Set.of(Role.MANAGER)));
        }
    }

    /** Writes a note for every account created, so the test sees events arrive with the plugin's context. */
    public static final class Listener implements AccountEventListener {
        @Override
        public void onEvent(AccountEvent event, PluginContext context) {
            if (event instanceof AccountEvent.AccountCreated created) {
                context.dsl().execute("INSERT INTO note (account_id, text) VALUES (?, 'created')", created.accountId());
            }
        }
    }
}
