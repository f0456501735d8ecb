package org.crmworkbench.core.account;

import java.util.Map;

/** Input that breaks the account rules; nothing was saved. Maps field names to message keys. */
public final class AccountValidationException extends RuntimeException {

    private final Map<String, String> errors;

    AccountValidationException(Map<String, String> errors) {
        super("invalid account: " + errors);
        this.errors = Map.copyOf(errors);
    }

    /** Field name (as in {@link AccountData}) to message key. */
    public Map<String, String> errors() {
        return errors;
    }
}
