package org.crmworkbench.ui.account;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.TabSheet;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.api.account.AccountTabContribution;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.StartedPlugin;
import org.crmworkbench.core.security.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.Locale;

/**
 * The account editor's tab sheet: the caller adds the core tabs, then {@link #addPluginTabs} adds
 * one tab per {@link AccountTabContribution} the user may see, in contribution order. A tab that
 * throws shows an error inside that tab only.
 */
public class AccountPluginTabs extends TabSheet {

    private static final Logger log = LoggerFactory.getLogger(AccountPluginTabs.class);

    /** Adds the started plugins' tabs for one account. */
    public void addPluginTabs(AccountRef account, PluginHost host, Permissions permissions, UserRef user, Locale locale) {
        record Contribution(StartedPlugin plugin, AccountTabContribution tab) {
        }
        host.startedPlugins().stream()
                .flatMap(plugin -> plugin.accountTabs().stream().map(tab -> new Contribution(plugin, tab)))
                .filter(c -> permissions.has(user, c.tab().requiredPermission()))
                .sorted(Comparator.comparingInt(c -> c.tab().order()))
                .forEach(c -> add(c.plugin().message(locale, c.tab().labelKey()), content(c.plugin(), c.tab(), account)));
    }

    private Component content(StartedPlugin plugin, AccountTabContribution tab, AccountRef account) {
        try {
            return tab.createTab(account, plugin.context());
        } catch (RuntimeException | LinkageError e) {
            log.warn("Account tab of plugin {} failed for account {}: {}", plugin.id(), account.id(), e.toString(), e);
            return new Paragraph(getTranslation("account.tab-failed", plugin.id()));
        }
    }
}
