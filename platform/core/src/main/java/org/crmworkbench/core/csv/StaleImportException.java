package org.crmworkbench.core.csv;

/** Records changed (or stopped being visible) between the check and the import; nothing was imported. */
public final class StaleImportException extends RuntimeException {

    public StaleImportException() {
        super("records changed since the check");
    }
}
