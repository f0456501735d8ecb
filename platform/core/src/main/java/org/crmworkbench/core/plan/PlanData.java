package org.crmworkbench.core.plan;

import java.time.LocalDate;

/**
 * The editable fields of an account plan.
 *
 * @param title          required, at most 200 characters
 * @param periodStart    first day the plan covers; required
 * @param periodEnd      last day; required, not before the start
 * @param objectives     what we want to reach with the account; required
 * @param evaluationDate when the plan is evaluated, optional
 * @param evaluation     the outcome of the evaluation, optional
 */
public record PlanData(String title, LocalDate periodStart, LocalDate periodEnd, String objectives, LocalDate evaluationDate,
                       String evaluation) {
}
