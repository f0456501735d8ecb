package com.example.crm.notes;

/** A note that was not stored, with the message key (and arguments) that say why; nothing changed. */
public class NoteRejectedException extends RuntimeException {

    private final transient Object[] arguments;

    public NoteRejectedException(String messageKey, Object... arguments) {
        super(messageKey);
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
