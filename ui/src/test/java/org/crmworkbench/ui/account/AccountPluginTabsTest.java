package org.crmworkbench.ui.account;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.TestPlugins;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.ui.UiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccountPluginTabsTest extends UiTest {

    @TempDir
    Path uploads;
    @Autowired
    PluginHost host;
    @Autowired
    Permissions permissions;

    @AfterEach
    void removeTestPlugin() {
        if (host.find(TestPlugins.GOOD).isPresent()) {
            host.uninstall(TestPlugins.GOOD, true);
        }
    }

    @Test
    void plugin_tabs_follow_order_and_permission_and_a_failing_tab_shows_an_error_inside_itself() {
        host.install(TestPlugins.writeGood(uploads));
        var account = new AccountRef(7, "Bakkerij De Vries");

        var managerTabs = new AccountPluginTabs();
        managerTabs.addPluginTabs(account, host, permissions, new UserRef(1, "m", "M", Set.of(Role.MANAGER)), Locale.ENGLISH);
        UI.getCurrent().add(managerTabs);
        assertThat($(Tab.class).from(managerTabs).all()).extracting(Tab::getLabel)
                .containsSubsequence("Broken", "Notes").contains("Customer analysis"); // the last from the bundled plugin
        assertThat($(Paragraph.class).from(managerTabs).single().getText()).contains("test-good");
        managerTabs.setSelectedIndex($(Tab.class).from(managerTabs).all().stream().map(Tab::getLabel).toList().indexOf("Notes"));
        assertThat($(Span.class).from(managerTabs).all()).extracting(Span::getText).contains("notes of Bakkerij De Vries");

        var salesTabs = new AccountPluginTabs();
        salesTabs.addPluginTabs(account, host, permissions, new UserRef(2, "s", "S", Set.of(Role.SALES)), Locale.ENGLISH);
        UI.getCurrent().add(salesTabs);
        assertThat($(Tab.class).from(salesTabs).all()).extracting(Tab::getLabel).contains("Notes").doesNotContain("Broken");
    }
}
