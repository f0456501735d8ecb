package org.crmworkbench.plugin.value.canvas;

/** How much a gain matters, from what the customer cannot do without to what would surprise them. */
public enum GainLevel {
    REQUIRED, EXPECTED, DESIRED, UNEXPECTED;

    public String labelKey() {
        return "canvas.gain." + name().toLowerCase();
    }
}
