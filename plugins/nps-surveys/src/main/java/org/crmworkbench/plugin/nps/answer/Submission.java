package org.crmworkbench.plugin.nps.answer;

/** The outcome of submitting an answer through a link. */
public enum Submission {
    /** Stored (or the earlier answer changed). */
    SAVED,
    /** No such link. */
    UNKNOWN,
    /** The campaign does not accept answers now. */
    CLOSED,
    /** Too many tries from this address, or too many changes to one answer. */
    LIMITED,
    /** The score is not in 0..10 or the comment too long. */
    INVALID
}
