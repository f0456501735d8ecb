package org.crmworkbench.plugin.value.canvas;

/**
 * The parts of a value proposition canvas: the customer profile (jobs, pains, gains) and the value
 * map (products and services, pain relievers, gain creators).
 */
public enum ItemKind {
    JOB, PAIN, GAIN, OFFER, RELIEVER, CREATOR;

    /** Jobs, pains and gains belong to a customer profile, per DMU role. */
    public boolean customerSide() {
        return this == JOB || this == PAIN || this == GAIN;
    }

    /** What answers this kind on the other side: a pain reliever a pain, a gain creator a gain; else null. */
    public ItemKind answeredBy() {
        return switch (this) {
            case PAIN -> RELIEVER;
            case GAIN -> CREATOR;
            default -> null;
        };
    }

    public String labelKey() {
        return "canvas.kind." + name().toLowerCase();
    }
}
