package org.crmworkbench.core.csv;

/**
 * What an import did.
 *
 * @param created records created
 * @param updated records updated
 */
public record ImportOutcome(int created, int updated) {
}
