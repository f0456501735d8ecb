package org.crmworkbench.core.contact;

/** A contact's role in the customer's decision making unit (DOMAIN.md section 1). */
public enum DmuRole {
    USER, INFLUENCER, BUYER, DECIDER, GATEKEEPER, INITIATOR;

    public String labelKey() {
        return "dmu." + name().toLowerCase();
    }
}
