package org.crmworkbench.plugin.value.canvas;

/** What kind of job a customer tries to get done. */
public enum JobType {
    FUNCTIONAL, SOCIAL, EMOTIONAL;

    public String labelKey() {
        return "canvas.job." + name().toLowerCase();
    }
}
