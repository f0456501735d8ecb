package org.crmworkbench.core.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The editable fields of an opportunity.
 *
 * @param name          what is being sold; required
 * @param stage         funnel stage; required
 * @param status        open, won or lost; required
 * @param amount        expected order value, not negative; required
 * @param probability   chance of winning in percent, 0..100
 * @param expectedClose expected decision date, optional
 * @param ownerId       the salesperson; required
 * @param notes         optional, at most 2,000 characters
 */
public record OpportunityData(String name, FunnelStage stage, OpportunityStatus status, BigDecimal amount, int probability,
                              LocalDate expectedClose, Long ownerId, String notes) {
}
