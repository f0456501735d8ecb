package org.crmworkbench.core.interaction;

/** Whether an interaction asks for a follow-up, and whether that is done. Complaints always have one. */
public enum FollowUp {
    NONE, OPEN, CLOSED;

    public String labelKey() {
        return "interaction.follow-up." + name().toLowerCase();
    }
}
