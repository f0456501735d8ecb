package org.crmworkbench.core.contact;

import java.util.Map;

/** Input that breaks the contact rules; nothing was saved. Maps field names to message keys. */
public final class ContactValidationException extends RuntimeException {

    private final Map<String, String> errors;

    ContactValidationException(Map<String, String> errors) {
        super("invalid contact: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
