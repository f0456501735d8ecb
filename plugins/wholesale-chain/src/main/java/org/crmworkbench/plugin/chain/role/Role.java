package org.crmworkbench.plugin.chain.role;

import java.util.Locale;

/**
 * The three roles a wholesaler plays in a chain (DOMAIN.md section 6): steering (directs the chain:
 * assortment, category management), coordinator (logistics, planning, information flow) and expert
 * (knowledge, advice, technical support).
 */
public enum Role {
    STEERING, COORDINATOR, EXPERT;

    public static final int MAX_STRENGTH = 5;

    public String labelKey() {
        return "role." + name().toLowerCase(Locale.ROOT);
    }

    /** What to do when this role is weak, as a message key. */
    public String actionKey() {
        return "scorecard.action." + name().toLowerCase(Locale.ROOT);
    }
}
