package org.crmworkbench.db;

/** The database could not be started or reached; the message says what to do. */
public class DatabaseStartException extends RuntimeException {
    public DatabaseStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
