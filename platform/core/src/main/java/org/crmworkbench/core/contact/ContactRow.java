package org.crmworkbench.core.contact;

/**
 * A contact as listed across accounts.
 *
 * @param contact     the contact
 * @param accountName name of its account
 */
public record ContactRow(Contact contact, String accountName) {
}
