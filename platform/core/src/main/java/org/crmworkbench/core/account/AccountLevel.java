package org.crmworkbench.core.account;

/** The level at which an account is managed. */
public enum AccountLevel {
    REGIONAL, NATIONAL, INTERNATIONAL;

    public String labelKey() {
        return "level." + name().toLowerCase();
    }
}
