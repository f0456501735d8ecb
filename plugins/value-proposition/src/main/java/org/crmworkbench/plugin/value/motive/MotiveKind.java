package org.crmworkbench.plugin.value.motive;

/** Whether a buying motive appeals to reason or to feeling. */
public enum MotiveKind {
    RATIONAL, EMOTIONAL;

    public String labelKey() {
        return "motive.kind." + name().toLowerCase();
    }
}
