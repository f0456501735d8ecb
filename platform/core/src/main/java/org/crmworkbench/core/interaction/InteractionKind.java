package org.crmworkbench.core.interaction;

/** The kinds of contact moments. */
public enum InteractionKind {
    CALL, MEETING, EMAIL, VISIT, COMPLAINT, NOTE;

    public String labelKey() {
        return "interaction.kind." + name().toLowerCase();
    }
}
