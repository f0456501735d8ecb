package org.crmworkbench.core.plugin;

import org.crmworkbench.api.PluginContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.util.List;

/**
 * Plugin contexts outside a running host, for a plugin whose classes are on the class path: the
 * SDK's test harness ({@code crm-platform-test}) builds its contexts here, so a plugin's tests see the
 * same context class the host hands out.
 */
public final class PluginContexts {

    private PluginContexts() {
    }

    /**
     * A context as the host would give the plugin: its own schema as the connections' default schema,
     * its messages ({@code i18n/<id>_<lang>.properties}) read through {@code classLoader}, and the
     * host's services. It sees no other plugin's account metrics or reusable texts. The schema is
     * neither created nor migrated here.
     *
     * @throws IllegalArgumentException when the id is not a valid plugin id
     */
    public static PluginContext onClassPath(String pluginId, DataSource dataSource, HostServices services,
                                            ClassLoader classLoader) {
        var schema = new PluginSchema(pluginId);
        var dsl = DSL.using(new SchemaBoundConnections(dataSource, schema.name()), SQLDialect.MARIADB);
        return new HostPluginContext(schema, dsl, new PluginMessages(pluginId, classLoader), services,
                List::of, (search, limit) -> List.of());
    }
}
