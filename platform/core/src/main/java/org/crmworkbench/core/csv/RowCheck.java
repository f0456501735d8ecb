package org.crmworkbench.core.csv;

import java.util.List;

/**
 * The dry run of an import where each line becomes one record.
 *
 * @param rows     one per line, in file order
 * @param problems every problem found
 * @param <R>      the checked line
 */
public record RowCheck<R extends RowCheck.Row>(List<R> rows, List<ImportProblem> problems) implements CheckedImport {

    /** A checked line. */
    public interface Row {
        ImportAction action();
    }

    @Override
    public long count(ImportAction action) {
        return rows.stream().filter(row -> row.action() == action).count();
    }

    @Override
    public int lines() {
        return rows.size();
    }
}
