package org.crmworkbench.api;

/**
 * The roles of workbench users. ADMIN manages users, settings and plugins; MANAGER sees all accounts;
 * SALES works on own and team accounts.
 *
 * @since 1.0
 */
public enum Role {
    ADMIN, MANAGER, SALES
}
