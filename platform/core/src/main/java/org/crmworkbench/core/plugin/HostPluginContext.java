package org.crmworkbench.core.plugin;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.UserRef;
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
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** The host's {@link PluginContext}: one per started plugin. */
final class HostPluginContext implements PluginContext {

    private final PluginSchema schema;
    private final DSLContext dsl;
    private final PluginMessages messages;
    private final HostServices services;
    private final Supplier<List<AccountMetric>> metrics;
    private final BiFunction<String, Integer, List<ReusableText>> texts;

    HostPluginContext(PluginSchema schema, DSLContext dsl, PluginMessages messages, HostServices services,
                      Supplier<List<AccountMetric>> metrics, BiFunction<String, Integer, List<ReusableText>> texts) {
        this.schema = schema;
        this.dsl = dsl;
        this.messages = messages;
        this.services = services;
        this.metrics = metrics;
        this.texts = texts;
    }

    @Override
    public String pluginId() {
        return schema.pluginId();
    }

    @Override
    public String schema() {
        return schema.name();
    }

    @Override
    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public Optional<UserRef> currentUser() {
        return services.currentUser().user();
    }

    @Override
    public boolean hasPermission(String permission) {
        return currentUser().map(user -> services.permissions().has(user, permission)).orElse(false);
    }

    @Override
    public void requirePermission(String permission) {
        Objects.requireNonNull(permission, "permission");
        if (!hasPermission(permission)) {
            throw new PermissionDeniedException(permission);
        }
    }

    @Override
    public Locale locale() {
        return services.currentUser().locale();
    }

    @Override
    public String message(String key, Object... arguments) {
        return messages.get(locale(), key, arguments);
    }

    @Override
    public Clock clock() {
        return services.clock();
    }

    @Override
    public List<AccountMetric> accountMetrics() {
        return metrics.get();
    }

    @Override
    public FollowUps followUps() {
        if (services.followUps() == null) {
            throw new UnsupportedOperationException("this host has no follow-ups");
        }
        return services.followUps();
    }

    @Override
    public Interactions interactions() {
        if (services.interactions() == null) {
            throw new UnsupportedOperationException("this host does not log interactions for plugins");
        }
        return services.interactions();
    }

    @Override
    public Accounts accounts() {
        if (services.accounts() == null) {
            throw new UnsupportedOperationException("this host does not create accounts for plugins");
        }
        return services.accounts();
    }

    @Override
    public List<ReusableText> reusableTexts(String search, int limit) {
        return texts.apply(search, limit);
    }

    @Override
    public Mailer mailer() {
        return services.mailer();
    }

    @Override
    public URI publicUrl(String path) {
        if (path == null || path.startsWith("/")) {
            throw new IllegalArgumentException("path must be relative: " + path);
        }
        return services.publicBaseUrl().resolve("public/" + pluginId() + "/" + path);
    }

    PluginMessages messages() {
        return messages;
    }
}
