package org.crmworkbench.plugin.chain;

import java.util.Map;

/** The input breaks a rule; nothing was saved. Maps field names to message keys. */
public class InputRejectedException extends RuntimeException {

    private final Map<String, String> errors;

    public InputRejectedException(Map<String, String> errors) {
        super(errors.toString());
        this.errors = Map.copyOf(errors);
    }

    public InputRejectedException(String field, String messageKey) {
        this(Map.of(field, messageKey));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
