package org.crmworkbench.core.csv;

import java.util.List;

/** The dry run of an import: what it would do. Nothing is imported while there are problems. */
public interface CheckedImport {

    List<ImportProblem> problems();

    long count(ImportAction action);

    /** Lines checked. */
    int lines();
}
