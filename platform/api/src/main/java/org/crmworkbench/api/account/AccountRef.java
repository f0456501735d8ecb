package org.crmworkbench.api.account;

/**
 * An account (organisation) as plugins see it: its id in {@code crm_core} and its name.
 *
 * @since 1.0
 */
public record AccountRef(long id, String name) {
}
