package org.crmworkbench.plugin.rating.model;

/**
 * The three ways of assessing a customer (DOMAIN.md section 2): the customer's position in its
 * market, the current relationship, and what it buys and needs.
 */
public enum AssessmentMethod {
    ACCOUNT, RELATIONSHIP, PRODUCT;

    /** Message key of the method's label. */
    public String labelKey() {
        return "method." + name().toLowerCase();
    }
}
