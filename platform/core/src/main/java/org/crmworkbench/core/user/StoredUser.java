package org.crmworkbench.core.user;

import org.crmworkbench.api.UserRef;

import java.util.Locale;

/**
 * A user with what login needs.
 *
 * @param user         the user as the rest of the workbench sees it
 * @param passwordHash BCrypt hash
 * @param active       inactive users cannot log in
 * @param locale       preferred UI language
 */
public record StoredUser(UserRef user, String passwordHash, boolean active, Locale locale) {
}
