package org.crmworkbench.core.plugin;

import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.security.Permissions;

import java.time.Clock;

/**
 * What the host shares with every plugin context.
 *
 * @param currentUser who is calling
 * @param permissions the permission registry
 * @param clock       the host clock
 * @param demoData    whether fresh plugin schemas get demo data
 */
public record HostServices(CurrentUser currentUser, Permissions permissions, Clock clock, boolean demoData) {
}
