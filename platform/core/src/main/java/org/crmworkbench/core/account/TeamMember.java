package org.crmworkbench.core.account;

/**
 * A colleague assigned to an account besides its account manager (team selling).
 *
 * @param userId      the user
 * @param displayName the user's name
 * @param role        what they do for this account (e.g. "technical support"), may be null
 */
public record TeamMember(long userId, String displayName, String role) {
}
