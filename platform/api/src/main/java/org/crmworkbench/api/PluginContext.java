package org.crmworkbench.api;

import org.crmworkbench.api.account.Accounts;
import org.crmworkbench.api.interaction.FollowUps;
import org.crmworkbench.api.interaction.Interactions;
import org.crmworkbench.api.mail.Mailer;
import org.crmworkbench.api.metric.AccountMetric;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.api.text.ReusableText;
import org.jooq.DSLContext;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the host gives a plugin. One instance per started plugin; the host passes it to every
 * extension point method and to the constructor of the plugin's views (declare a
 * {@code PluginContext} constructor parameter). Thread-safe; the current user and locale are those of
 * the calling thread's UI or request.
 *
 * @since 1.0
 */
public interface PluginContext {

    /** The plugin id from the manifest, kebab-case, e.g. {@code customer-rating}. */
    String pluginId();

    /** The plugin's own schema, {@code crm_} + id with {@code -} replaced by {@code _}. */
    String schema();

    /**
     * jOOQ access for the plugin's own schema and the public core views ({@code crm_core.v_*},
     * classes in {@code org.crmworkbench.api.coreviews}). Never write core tables through it.
     */
    DSLContext dsl();

    /** The signed-in user of the current UI or request; empty on public routes and background work. */
    Optional<UserRef> currentUser();

    /**
     * Whether the current user holds a permission (one the plugin declared through a
     * {@link org.crmworkbench.api.security.PermissionContribution}, or a core one). False without a user.
     */
    boolean hasPermission(String permission);

    /**
     * Refuses the current action unless the current user holds the permission: call it at the start of
     * every service method that changes data the permission guards, so the check holds on the server
     * whatever the view shows. Hiding a button with {@link #hasPermission(String)} is not enough.
     *
     * @param permission the permission's key, e.g. {@code customer-rating.edit-criteria}
     * @throws PermissionDeniedException when the user lacks it, and
     *         always without a signed-in user (public routes, background work)
     * @since 1.6
     */
    default void requirePermission(String permission) {
        if (!hasPermission(permission)) {
            throw new PermissionDeniedException(permission);
        }
    }

    /** The locale of the current UI, or English outside a UI. */
    Locale locale();

    /**
     * A message from the plugin's bundle {@code i18n/<plugin-id>_<lang>.properties} in the current
     * locale, formatted with {@link java.text.MessageFormat}; the key itself when it is missing.
     */
    String message(String key, Object... arguments);

    /** The host's clock; use it instead of {@code now()} so tests can fix time. */
    Clock clock();

    /**
     * The account metrics the started plugins offer (see
     * {@link org.crmworkbench.api.metric.AccountMetricContribution}), this plugin's own included; empty
     * when none is installed. Ask again for every use: plugins come and go while the workbench runs.
     *
     * @since 1.2
     */
    default List<AccountMetric> accountMetrics() {
        return List.of();
    }

    /**
     * Opens and closes follow-up tasks on accounts.
     *
     * @throws UnsupportedOperationException on a host older than API 1.3
     * @since 1.3
     */
    default FollowUps followUps() {
        throw new UnsupportedOperationException("follow-ups need platform API 1.3");
    }

    /**
     * Logs interactions on accounts on behalf of the signed-in user.
     *
     * @throws UnsupportedOperationException on a host older than API 1.4
     * @since 1.4
     */
    default Interactions interactions() {
        throw new UnsupportedOperationException("logging interactions needs platform API 1.4");
    }

    /**
     * Creates accounts and records won deals as the signed-in user.
     *
     * @throws UnsupportedOperationException on a host older than API 1.5
     * @since 1.5
     */
    default Accounts accounts() {
        throw new UnsupportedOperationException("creating accounts needs platform API 1.5");
    }

    /**
     * Texts the started plugins offer for reuse (see
     * {@link org.crmworkbench.api.text.ReusableTextContribution}) that contain {@code search}, at most
     * {@code limit} in all, in the plugins' start order (each after the plugins it depends on, otherwise
     * by id); empty when no plugin offers any.
     *
     * @since 1.5
     */
    default List<ReusableText> reusableTexts(String search, int limit) {
        return List.of();
    }

    /**
     * Sends e-mail; {@link Mailer#NONE} when no SMTP server is configured.
     *
     * @since 1.3
     */
    default Mailer mailer() {
        return Mailer.NONE;
    }

    /**
     * The absolute address of one of this plugin's public routes as the outside world reaches the
     * workbench (setting {@code crm.public-url}), e.g. {@code answer/abc} of {@code nps-surveys} gives
     * {@code https://crm.example.com/public/nps-surveys/answer/abc}.
     *
     * @param path the part below {@code /public/<plugin-id>/}, without a leading slash; URL-encode
     *             anything that is not a path-safe character
     * @since 1.3
     */
    default URI publicUrl(String path) {
        throw new UnsupportedOperationException("public URLs need platform API 1.3");
    }
}
