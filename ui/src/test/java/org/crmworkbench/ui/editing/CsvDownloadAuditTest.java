package org.crmworkbench.ui.editing;

import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.ui.UiTest;
import org.crmworkbench.ui.account.AccountsView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

class CsvDownloadAuditTest extends UiTest {

    @Autowired
    SecurityLog log;
    @Autowired
    UserAccounts users;

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void every_export_of_a_core_list_is_in_the_security_log_with_who_and_which_file() {
        navigate(AccountsView.class); // the core lists build their export links with the log
        int before = log.count(SecurityLog.Kind.EXPORTED);
        var manager = users.findByUsername("manager").orElseThrow().user();

        var snapshot = CsvDownload.audited(() -> "filters", log, manager, "accounts.csv");
        assertThat(log.count(SecurityLog.Kind.EXPORTED)).as("nothing before the download starts").isEqualTo(before);
        assertThat(snapshot.get()).isEqualTo("filters");

        assertThat(log.count(SecurityLog.Kind.EXPORTED)).isEqualTo(before + 1);
        assertThat(log.page(SecurityLog.Kind.EXPORTED, 0, 1)).first().satisfies(event -> {
            assertThat(event.username()).isEqualTo("manager");
            assertThat(event.detail()).isEqualTo("accounts.csv");
        });
    }
}
