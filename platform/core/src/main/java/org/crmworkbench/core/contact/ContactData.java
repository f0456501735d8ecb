package org.crmworkbench.core.contact;

/**
 * The editable fields of a contact.
 *
 * @param firstName    optional
 * @param lastName     required
 * @param jobTitle     function, optional
 * @param email        optional, must look like an address
 * @param phone        optional: digits, spaces and + ( ) -
 * @param dmuRole      role in the decision making unit, optional
 * @param emailConsent may receive e-mail
 * @param active       still works there
 */
public record ContactData(String firstName, String lastName, String jobTitle, String email, String phone,
                          DmuRole dmuRole, boolean emailConsent, boolean active) {
}
