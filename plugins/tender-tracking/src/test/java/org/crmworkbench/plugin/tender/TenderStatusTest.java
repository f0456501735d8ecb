package org.crmworkbench.plugin.tender;

import org.crmworkbench.plugin.tender.decision.Decision;
import org.crmworkbench.plugin.tender.register.TenderStatus;
import org.crmworkbench.plugin.tender.register.TransitionRule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmworkbench.plugin.tender.register.TenderStatus.BID_NO_BID;
import static org.crmworkbench.plugin.tender.register.TenderStatus.CANCELLED;
import static org.crmworkbench.plugin.tender.register.TenderStatus.IDENTIFIED;
import static org.crmworkbench.plugin.tender.register.TenderStatus.LOST;
import static org.crmworkbench.plugin.tender.register.TenderStatus.PREPARING;
import static org.crmworkbench.plugin.tender.register.TenderStatus.QUALIFYING;
import static org.crmworkbench.plugin.tender.register.TenderStatus.SUBMITTED;
import static org.crmworkbench.plugin.tender.register.TenderStatus.WITHDRAWN;
import static org.crmworkbench.plugin.tender.register.TenderStatus.WON;

/** The pipeline's statuses and the {@link TransitionRule} (DOMAIN.md section 5), without a database. */
class TenderStatusTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 2, 20);

    private static Optional<String> refusal(TenderStatus from, TenderStatus to, Decision decision, LocalDate deadline) {
        return TransitionRule.refusal(from, to, decision, deadline, TODAY);
    }

    @Test
    void each_forward_step_of_the_pipeline_is_allowed_when_its_conditions_are_met() {
        assertThat(refusal(IDENTIFIED, QUALIFYING, null, null)).isEmpty();
        assertThat(refusal(QUALIFYING, BID_NO_BID, null, null)).isEmpty();
        assertThat(refusal(BID_NO_BID, PREPARING, Decision.BID, null)).isEmpty();
        assertThat(refusal(PREPARING, SUBMITTED, Decision.BID, DEADLINE)).isEmpty();
        assertThat(refusal(SUBMITTED, WON, Decision.BID, DEADLINE)).isEmpty();
        assertThat(refusal(SUBMITTED, LOST, Decision.BID, DEADLINE)).isEmpty();
    }

    @Test
    void every_open_status_may_be_withdrawn_or_cancelled_even_without_a_decision() {
        for (TenderStatus open : TenderStatus.OPEN) {
            assertThat(refusal(open, WITHDRAWN, null, null)).as(open.name()).isEmpty();
            assertThat(refusal(open, CANCELLED, Decision.NO_BID, null)).as(open.name()).isEmpty();
        }
    }

    @Test
    void skipping_a_step_or_going_back_is_refused_as_not_allowed() {
        assertThat(refusal(IDENTIFIED, BID_NO_BID, null, null)).contains("transition.error.not-allowed");
        assertThat(refusal(QUALIFYING, PREPARING, Decision.BID, null)).contains("transition.error.not-allowed");
        assertThat(refusal(BID_NO_BID, SUBMITTED, Decision.BID, DEADLINE)).contains("transition.error.not-allowed");
        assertThat(refusal(PREPARING, WON, Decision.BID, DEADLINE)).contains("transition.error.not-allowed");
        assertThat(refusal(QUALIFYING, IDENTIFIED, null, null)).contains("transition.error.not-allowed");
        assertThat(refusal(IDENTIFIED, IDENTIFIED, null, null)).contains("transition.error.not-allowed");
    }

    @Test
    void preparing_or_submitting_without_a_recorded_decision_is_refused() {
        assertThat(refusal(BID_NO_BID, PREPARING, null, null)).contains("transition.error.no-decision");
        assertThat(refusal(PREPARING, SUBMITTED, null, DEADLINE)).contains("transition.error.no-decision");
    }

    @Test
    void preparing_or_submitting_after_a_no_bid_decision_is_refused() {
        assertThat(refusal(BID_NO_BID, PREPARING, Decision.NO_BID, null)).contains("transition.error.decided-no-bid");
        assertThat(refusal(PREPARING, SUBMITTED, Decision.NO_BID, DEADLINE)).contains("transition.error.decided-no-bid");
    }

    @Test
    void won_or_lost_before_the_submission_deadline_is_refused_and_on_the_deadline_day_allowed() {
        LocalDate tomorrow = TODAY.plusDays(1);
        assertThat(refusal(SUBMITTED, WON, Decision.BID, tomorrow)).contains("transition.error.award-before-deadline");
        assertThat(refusal(SUBMITTED, LOST, Decision.BID, tomorrow)).contains("transition.error.award-before-deadline");

        assertThat(refusal(SUBMITTED, WON, Decision.BID, TODAY)).as("on the deadline day").isEmpty();
        assertThat(refusal(SUBMITTED, LOST, Decision.BID, TODAY.minusDays(1))).as("after the deadline").isEmpty();
    }

    @Test
    void an_award_without_a_submission_deadline_is_refused() {
        assertThat(refusal(SUBMITTED, WON, Decision.BID, null)).contains("transition.error.no-deadline");
        assertThat(refusal(SUBMITTED, LOST, Decision.BID, null)).contains("transition.error.no-deadline");
    }

    @Test
    void the_closed_statuses_have_no_next_status_and_every_move_from_them_is_refused() {
        for (TenderStatus closed : EnumSet.of(WON, LOST, WITHDRAWN, CANCELLED)) {
            assertThat(closed.next()).as(closed.name()).isEmpty();
            assertThat(closed.open()).as(closed.name()).isFalse();
            for (TenderStatus to : TenderStatus.values()) {
                assertThat(refusal(closed, to, Decision.BID, DEADLINE)).as(closed + " -> " + to).contains("transition.error.not-allowed");
            }
        }
    }

    @Test
    void the_open_pipeline_runs_from_identified_to_submitted_and_only_won_and_lost_are_decided() {
        assertThat(TenderStatus.OPEN).containsExactly(IDENTIFIED, QUALIFYING, BID_NO_BID, PREPARING, SUBMITTED);
        assertThat(EnumSet.allOf(TenderStatus.class)).filteredOn(TenderStatus::decided).containsExactly(WON, LOST);
        assertThat(SUBMITTED.next()).containsExactlyInAnyOrder(WON, LOST, WITHDRAWN, CANCELLED);
        assertThat(BID_NO_BID.labelKey()).isEqualTo("status.bid-no-bid");
    }
}
