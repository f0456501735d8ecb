package org.crmworkbench.test;

import org.crmworkbench.api.security.PermissionDeniedException;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.Map;
import java.util.TreeMap;

/**
 * Assertions for a plugin's server-side permission checks: an action the signed-in user may not do
 * throws {@link PermissionDeniedException} for the expected permission and leaves every table of the
 * plugin's schema as it was (compared by {@code CHECKSUM TABLE}); an allowed one changes something.
 *
 * <pre>{@code
 * users.signIn("sam", Role.SALES);
 * PermissionChecks.expect(dsl, "crm_account_notes", "account-notes.write", false, () -> notes.add(account, "Hi"));
 * }</pre>
 */
public final class PermissionChecks {

    /** An action under test. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private PermissionChecks() {
    }

    /**
     * @param dsl        any connection that may read the schema's tables
     * @param schema     the plugin's schema, e.g. {@code crm_account_notes}
     * @param permission what a refusal must name
     * @param allowed    whether the signed-in user may do it
     */
    public static void expect(DSLContext dsl, String schema, String permission, boolean allowed, Action action) throws Exception {
        Map<String, Long> before = checksums(dsl, schema);
        if (allowed) {
            action.run();
            if (checksums(dsl, schema).equals(before)) {
                throw new AssertionError("allowed, but nothing changed in " + schema);
            }
            return;
        }
        try {
            action.run();
            throw new AssertionError("expected a refusal for lack of " + permission + ", but it was done");
        } catch (PermissionDeniedException e) {
            if (!permission.equals(e.permission())) {
                throw new AssertionError("refused for " + e.permission() + ", expected " + permission, e);
            }
        }
        var after = checksums(dsl, schema);
        if (!after.equals(before)) {
            throw new AssertionError("refused, yet " + schema + " changed: " + before + " -> " + after);
        }
    }

    /** The checksum of every table of a schema (its Flyway history left out), by table name. */
    public static Map<String, Long> checksums(DSLContext dsl, String schema) {
        var sums = new TreeMap<String, Long>();
        for (String table : dsl.fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'"
                + " AND table_name <> 'flyway_schema_history'", schema).getValues(0, String.class)) {
            sums.put(table, dsl.fetch("CHECKSUM TABLE " + dsl.render(DSL.name(schema, table))).get(0).get(1, Long.class));
        }
        return sums;
    }
}
