package org.crmworkbench.plugin.tender.register;

import org.crmworkbench.plugin.tender.decision.Decision;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a tender may move to a status: the step must be one {@link TenderStatus#next()} allows, a
 * tender is prepared and submitted only after a recorded decision to bid, and no award (won or lost)
 * comes before the submission deadline has passed.
 */
public final class TransitionRule {

    private TransitionRule() {
    }

    /**
     * Why the move is refused, as a message key; empty when it is allowed.
     *
     * @param decision the recorded bid/no-bid decision, or null
     * @param today    the host clock's date
     */
    public static Optional<String> refusal(TenderStatus from, TenderStatus to, Decision decision, LocalDate submissionDeadline,
                                           LocalDate today) {
        if (!from.next().contains(to)) {
            return Optional.of("transition.error.not-allowed");
        }
        if ((to == TenderStatus.PREPARING || to == TenderStatus.SUBMITTED) && decision != Decision.BID) {
            return Optional.of(decision == Decision.NO_BID ? "transition.error.decided-no-bid" : "transition.error.no-decision");
        }
        if (to.decided()) {
            if (submissionDeadline == null) {
                return Optional.of("transition.error.no-deadline");
            }
            if (today.isBefore(submissionDeadline)) {
                return Optional.of("transition.error.award-before-deadline");
            }
        }
        return Optional.empty();
    }
}
