package org.crmworkbench.core.plugin;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.security.CurrentUser;
import org.jooq.DSLContext;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** The host's {@link PluginContext}: one per started plugin. */
final class HostPluginContext implements PluginContext {

    private final PluginSchema schema;
    private final DSLContext dsl;
    private final PluginMessages messages;
    private final HostServices services;

    HostPluginContext(PluginSchema schema, DSLContext dsl, PluginMessages messages, HostServices services) {
        this.schema = schema;
        this.dsl = dsl;
        this.messages = messages;
        this.services = services;
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

    PluginMessages messages() {
        return messages;
    }
}
