package org.crmworkbench.plugin.chain.map;

import java.util.Locale;

/**
 * A typed relation between two parties, named from both sides: "A supplies B" is "B is supplied by A";
 * "A distributes for B" (A sells B's products) is "B is distributed by A".
 */
public enum LinkKind {
    SUPPLIES, DISTRIBUTES_FOR;

    /** The message key of the name seen from the first party ("supplies"). */
    public String forwardKey() {
        return "link." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The message key of the name seen from the second party ("is supplied by"). */
    public String backwardKey() {
        return forwardKey() + ".back";
    }
}
