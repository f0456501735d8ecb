package org.crmworkbench.plugin.tender.register;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a tender stands (DOMAIN.md section 5): the pipeline identified -> qualifying -> bid/no-bid ->
 * preparing -> submitted, ending won, lost, withdrawn or cancelled. Each status knows where it may go
 * next; {@link TransitionRule} adds the rules that need the tender's data.
 */
public enum TenderStatus {
    IDENTIFIED, QUALIFYING, BID_NO_BID, PREPARING, SUBMITTED, WON, LOST, WITHDRAWN, CANCELLED;

    /** The statuses of the open pipeline, in order: the board's columns before the closed ones. */
    public static final Set<TenderStatus> OPEN = EnumSet.of(IDENTIFIED, QUALIFYING, BID_NO_BID, PREPARING, SUBMITTED);

    public Set<TenderStatus> next() {
        return switch (this) {
            case IDENTIFIED -> EnumSet.of(QUALIFYING, WITHDRAWN, CANCELLED);
            case QUALIFYING -> EnumSet.of(BID_NO_BID, WITHDRAWN, CANCELLED);
            case BID_NO_BID -> EnumSet.of(PREPARING, WITHDRAWN, CANCELLED);
            case PREPARING -> EnumSet.of(SUBMITTED, WITHDRAWN, CANCELLED);
            case SUBMITTED -> EnumSet.of(WON, LOST, WITHDRAWN, CANCELLED);
            case WON, LOST, WITHDRAWN, CANCELLED -> EnumSet.noneOf(TenderStatus.class);
        };
    }

    public boolean open() {
        return OPEN.contains(this);
    }

    public boolean decided() {
        return this == WON || this == LOST;
    }

    public String labelKey() {
        return "status." + name().toLowerCase().replace('_', '-');
    }
}
