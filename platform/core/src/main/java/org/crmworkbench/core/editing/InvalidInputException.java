package org.crmworkbench.core.editing;

import java.util.Map;

/**
 * Input that breaks the rules of an editable record (account, contact, ...); nothing was saved.
 * Maps each offending field name (as in the record's data type) to a message key.
 */
public final class InvalidInputException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidInputException(Map<String, String> errors) {
        super("invalid input: " + errors);
        this.errors = Map.copyOf(errors);
    }

    /** Field name to message key. */
    public Map<String, String> errors() {
        return errors;
    }
}
