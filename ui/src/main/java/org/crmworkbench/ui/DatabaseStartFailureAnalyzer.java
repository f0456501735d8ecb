package org.crmworkbench.ui;

import org.crmworkbench.db.DatabaseStartException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a database that cannot start into a short console message instead of a stack trace. */
class DatabaseStartFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseStartException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the cause above and start again. Settings: --crm.data-dir, --crm.db.embedded-port, "
                        + "or --crm.db.url/user/password for an external MariaDB (see README.md, Configuration).",
                cause);
    }
}
