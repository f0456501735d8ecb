package org.crmworkbench.plugin.tender.work;

/** What falls due: one of the tender's key dates, or a bid team task. */
public enum DeadlineKind {
    QUESTIONS, SUBMISSION, AWARD_DECISION, STANDSTILL_END, TASK;

    public String labelKey() {
        return "deadline." + name().toLowerCase().replace('_', '-');
    }
}
