package org.crmworkbench.ui;

import org.crmworkbench.db.DatabaseStartException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseStartFailureAnalyzerTest {

    @Test
    void a_database_that_cannot_start_is_explained_with_what_to_change() {
        var cause = new DatabaseStartException("another CRM Workbench is running with this data folder", null);
        var analysis = new DatabaseStartFailureAnalyzer().analyze(new IllegalStateException("context", cause));

        assertThat(analysis.getDescription()).isEqualTo("another CRM Workbench is running with this data folder");
        assertThat(analysis.getAction()).contains("--crm.data-dir", "--crm.db.url");
    }
}
