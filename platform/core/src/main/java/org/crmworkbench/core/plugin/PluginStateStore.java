package org.crmworkbench.core.plugin;

import org.crmworkbench.db.jooq.tables.records.PluginStateRecord;
import org.jooq.DSLContext;

import java.util.Optional;

import static org.crmworkbench.db.jooq.Tables.PLUGIN_STATE;

/** Reads and writes {@code crm_core.plugin_state}, shared by every app node. */
final class PluginStateStore {

    private static final int MAX_ERROR = 8_000;
    private final DSLContext dsl;

    PluginStateStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<PluginStateRecord> find(String pluginId) {
        return dsl.selectFrom(PLUGIN_STATE).where(PLUGIN_STATE.PLUGIN_ID.eq(pluginId)).fetchOptional();
    }

    /** Whether an admin switched the plugin off (a plugin never seen before counts as enabled). */
    boolean isDisabledByAdmin(String pluginId) {
        return find(pluginId).map(state -> !state.getEnabled()).orElse(false);
    }

    void save(String pluginId, String version, boolean enabled, PluginStatus status, String error) {
        String lastError = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        dsl.insertInto(PLUGIN_STATE)
                .set(PLUGIN_STATE.PLUGIN_ID, pluginId)
                .set(PLUGIN_STATE.VERSION, version)
                .set(PLUGIN_STATE.ENABLED, enabled)
                .set(PLUGIN_STATE.STATE, status.name())
                .set(PLUGIN_STATE.LAST_ERROR, lastError)
                .onDuplicateKeyUpdate()
                .set(PLUGIN_STATE.VERSION, version)
                .set(PLUGIN_STATE.ENABLED, enabled)
                .set(PLUGIN_STATE.STATE, status.name())
                .set(PLUGIN_STATE.LAST_ERROR, lastError)
                .execute();
    }

    void delete(String pluginId) {
        dsl.deleteFrom(PLUGIN_STATE).where(PLUGIN_STATE.PLUGIN_ID.eq(pluginId)).execute();
    }
}
