package org.crmworkbench.core.csv;

import org.jooq.DSLContext;
import org.jooq.Query;

import java.util.List;

/** Writes shared by the importers. */
public final class ImportWrites {

    private ImportWrites() {
    }

    /**
     * Runs guarded UPDATEs (version, visibility) as one JDBC batch.
     *
     * @throws StaleImportException when any of them changed nothing: the caller's transaction rolls back
     */
    public static void updateAll(DSLContext tx, List<? extends Query> updates) {
        if (updates.isEmpty()) {
            return;
        }
        for (int count : tx.batch(updates).execute()) {
            if (count == 0) {
                throw new StaleImportException();
            }
        }
    }
}
