package org.crmworkbench.core.plugin;

import org.crmworkbench.db.jooq.tables.records.PluginStateRecord;
import org.jooq.DSLContext;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.crmworkbench.db.jooq.Tables.PLUGIN_STATE;

/**
 * Reads and writes {@code crm_core.plugin_state}, shared by every app node. Column {@code enabled} is
 * the admins' intent and is written only when an admin enables or disables a plugin; {@code state} and
 * {@code last_error} are what the node that last started or stopped the plugin reported.
 */
final class PluginStateStore {

    /** A plugin's row as this node last read or wrote it. */
    record Row(boolean enabled, String version, String state, LocalDateTime updatedAt) {
    }

    private static final int MAX_ERROR = 8_000;
    private final DSLContext dsl;
    /** The intent of each plugin as last read or written here, for lock-free status counts. */
    private final Map<String, Boolean> knownIntents = new ConcurrentHashMap<>();

    PluginStateStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<PluginStateRecord> find(String pluginId) {
        return dsl.selectFrom(PLUGIN_STATE).where(PLUGIN_STATE.PLUGIN_ID.eq(pluginId)).fetchOptional();
    }

    /**
     * Every row by plugin id, in one query over the whole table (one row per installed plugin): cheap
     * enough for each node to read every few seconds. A change within the same second leaves
     * {@code updated_at} as it was, so nodes compare whole rows, not only that column.
     */
    Map<String, Row> all() {
        var rows = new HashMap<String, Row>();
        dsl.select(PLUGIN_STATE.PLUGIN_ID, PLUGIN_STATE.ENABLED, PLUGIN_STATE.VERSION, PLUGIN_STATE.STATE,
                        PLUGIN_STATE.UPDATED_AT)
                .from(PLUGIN_STATE)
                .forEach(r -> rows.put(r.value1(), new Row(r.value2(), r.value3(), r.value4(), r.value5())));
        knownIntents.keySet().retainAll(rows.keySet());
        rows.forEach((id, row) -> knownIntents.put(id, row.enabled()));
        return rows;
    }

    /** Whether an admin switched the plugin off (a plugin never seen before counts as enabled). */
    boolean isDisabledByAdmin(String pluginId) {
        return find(pluginId).map(state -> !state.getEnabled()).orElse(false);
    }

    /** Like {@link #isDisabledByAdmin} as last read or written here, without asking the database. */
    boolean lastKnownDisabled(String pluginId) {
        return !knownIntents.getOrDefault(pluginId, true);
    }

    /** An admin's decision together with its outcome. */
    void save(String pluginId, String version, boolean enabled, PluginStatus status, String error) {
        String lastError = truncated(error);
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
        knownIntents.put(pluginId, enabled);
    }

    /**
     * What became of a plugin here, leaving the admins' intent as it is (so that a node starting a plugin
     * cannot undo a disable an admin just made on another node); a plugin without a row counts as enabled.
     */
    void report(String pluginId, String version, PluginStatus status, String error) {
        String lastError = truncated(error);
        dsl.insertInto(PLUGIN_STATE)
                .set(PLUGIN_STATE.PLUGIN_ID, pluginId)
                .set(PLUGIN_STATE.VERSION, version)
                .set(PLUGIN_STATE.ENABLED, true)
                .set(PLUGIN_STATE.STATE, status.name())
                .set(PLUGIN_STATE.LAST_ERROR, lastError)
                .onDuplicateKeyUpdate()
                .set(PLUGIN_STATE.VERSION, version)
                .set(PLUGIN_STATE.STATE, status.name())
                .set(PLUGIN_STATE.LAST_ERROR, lastError)
                .execute();
        knownIntents.putIfAbsent(pluginId, true);
    }

    /** An admin switches a plugin on; its state follows with {@link #report} once it started or failed. */
    void intendEnabled(String pluginId) {
        dsl.update(PLUGIN_STATE).set(PLUGIN_STATE.ENABLED, true).where(PLUGIN_STATE.PLUGIN_ID.eq(pluginId)).execute();
        knownIntents.put(pluginId, true);
    }

    void delete(String pluginId) {
        dsl.deleteFrom(PLUGIN_STATE).where(PLUGIN_STATE.PLUGIN_ID.eq(pluginId)).execute();
        knownIntents.remove(pluginId);
    }

    private static String truncated(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
