package org.crmworkbench.plugin.value.sellogram;

/** A revision is edited as a draft, then published; publishing a newer revision retires the older one. */
public enum SellogramStatus {
    DRAFT, PUBLISHED, RETIRED;

    public String labelKey() {
        return "sellogram.status." + name().toLowerCase();
    }
}
