package org.crmworkbench.core.editing;

/** The user's role does not allow the action; nothing was changed. */
public final class NotAllowedException extends RuntimeException {

    private final String messageKey;

    /** @param messageKey the message that says what is not allowed, e.g. {@code account.error.delete-not-allowed} */
    public NotAllowedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
