package org.crmworkbench.core.plan;

import java.time.LocalDate;

/**
 * The editable fields of an activity in an account plan: who does what, where, when.
 *
 * @param what  required, at most 300 characters
 * @param whoId the user who does it; required
 * @param place where, optional
 * @param due   when; required
 * @param done  finished
 */
public record ActivityData(String what, Long whoId, String place, LocalDate due, boolean done) {
}
