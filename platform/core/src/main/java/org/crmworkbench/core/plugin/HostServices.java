package org.crmworkbench.core.plugin;

import org.crmworkbench.api.account.Accounts;
import org.crmworkbench.api.interaction.FollowUps;
import org.crmworkbench.api.interaction.Interactions;
import org.crmworkbench.api.mail.Mailer;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.security.Permissions;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * What the host shares with every plugin context.
 *
 * @param currentUser   who is calling
 * @param permissions   the permission registry
 * @param clock         the host clock
 * @param demoData      whether fresh plugin schemas get demo data
 * @param followUps     follow-up tasks on accounts; null: plugins asking for them get an error
 * @param interactions  logging interactions as the signed-in user; null: plugins asking for it get an error
 * @param accounts      creating accounts and recording won deals as the signed-in user; null: plugins asking
 *                      for it get an error
 * @param mailer        outgoing e-mail
 * @param publicBaseUrl the workbench as the outside world reaches it, ending in {@code /}
 */
public record HostServices(CurrentUser currentUser, Permissions permissions, Clock clock, boolean demoData,
                           FollowUps followUps, Interactions interactions, Accounts accounts, Mailer mailer,
                           URI publicBaseUrl) {

    /** The default public address of a workbench started with {@code ./crm run}. */
    public static final URI LOCAL_URL = URI.create("http://localhost:8080/");

    public HostServices {
        Objects.requireNonNull(mailer, "mailer");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        if (!publicBaseUrl.toString().endsWith("/")) {
            publicBaseUrl = URI.create(publicBaseUrl + "/");
        }
    }

    /** Without accounts: for hosts and tests that do not let plugins create accounts. */
    public HostServices(CurrentUser currentUser, Permissions permissions, Clock clock, boolean demoData,
                        FollowUps followUps, Interactions interactions, Mailer mailer, URI publicBaseUrl) {
        this(currentUser, permissions, clock, demoData, followUps, interactions, null, mailer, publicBaseUrl);
    }

    /** Without follow-ups, interactions, accounts and e-mail, at {@link #LOCAL_URL}: for tests. */
    public HostServices(CurrentUser currentUser, Permissions permissions, Clock clock, boolean demoData) {
        this(currentUser, permissions, clock, demoData, null, null, null, Mailer.NONE, LOCAL_URL);
    }
}
