package org.crmworkbench.core.plugin;

import org.jooq.DSLContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Every plugin's own MariaDB account (defence in depth): all rights on the plugin's schema,
 * {@code SELECT} on the public core views {@code crm_core.v_*} and on the account metric views of
 * {@code crm_metrics} ({@link MetricViews}), nothing else — no core table, no other plugin's schema. The
 * account has the host part of the workbench's own account. Its password is set whenever the plugin
 * starts and is never stored: it is derived (HMAC-SHA256) from the workbench's own database password and
 * the account name, so every node that shares the database sets the same one and none locks out the
 * connections of another; without a workbench password it is random. Creating it needs the workbench's
 * account to hold {@code CREATE USER} and its schema rights {@code WITH GRANT OPTION}, as the embedded
 * server's does.
 */
final class PluginDatabaseUsers {

    /** The MariaDB account a plugin connects as. */
    record Credentials(String user, String password) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PASSWORD_BYTES = 18;

    private final DSLContext dsl;
    /** The workbench's own database password, or null. */
    private final String secret;

    PluginDatabaseUsers(DSLContext dsl, String workbenchPassword) {
        this.dsl = dsl;
        this.secret = workbenchPassword == null || workbenchPassword.isEmpty() ? null : workbenchPassword;
    }

    /** The account's user name: {@code crmplugin_} + the plugin id with {@code _} for {@code -}. */
    static String userName(PluginSchema schema) {
        return "crmplugin_" + schema.name().substring("crm_".length());
    }

    /**
     * Creates the plugin's account, or resets its password and rights, and returns how to log in.
     *
     * @throws org.jooq.exception.DataAccessException when the server refuses (e.g. an external database
     *                                                whose workbench account may not create users)
     */
    Credentials ensure(PluginSchema schema) {
        String account = account(schema);
        String password = HexFormat.of().formatHex(passwordBytes(userName(schema)));
        dsl.execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY " + literal(password));
        dsl.execute("ALTER USER " + account + " IDENTIFIED BY " + literal(password));
        // in a database-level GRANT _ and % are wildcards: escaped, crm_a_c cannot also mean crm_abc
        dsl.execute("GRANT ALL PRIVILEGES ON `" + schema.name().replace("_", "\\_") + "`.* TO " + account);
        dsl.execute("GRANT SELECT ON `" + MetricViews.SCHEMA.replace("_", "\\_") + "`.* TO " + account);
        for (String view : coreViews()) {
            dsl.execute("GRANT SELECT ON " + dsl.render(name("crm_core", view)) + " TO " + account);
        }
        return new Credentials(userName(schema), password);
    }

    /** Removes the plugin's account, if there is one. */
    void drop(PluginSchema schema) {
        dsl.execute("DROP USER IF EXISTS " + account(schema));
    }

    /** The public core views as they are now (a core migration may add one). */
    private List<String> coreViews() {
        var viewName = field(name("table_name"), String.class);
        return dsl.select(viewName)
                .from(table(name("information_schema", "views")))
                .where(field(name("table_schema"), String.class).eq("crm_core"))
                .and(viewName.like("v\\_%"))
                .orderBy(viewName)
                .fetch(viewName);
    }

    /** {@code 'crmplugin_x'@'host'}, the host being that of the workbench's own account. */
    private String account(PluginSchema schema) {
        String current = dsl.fetchValue(field("CURRENT_USER()", String.class));
        String host = current.substring(current.lastIndexOf('@') + 1);
        return literal(userName(schema)) + "@" + literal(host);
    }

    private byte[] passwordBytes(String user) {
        if (secret == null) {
            byte[] bytes = new byte[PASSWORD_BYTES];
            RANDOM.nextBytes(bytes);
            return bytes;
        }
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(("crm plugin account " + user).getBytes(StandardCharsets.UTF_8)), PASSWORD_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A string literal of a name or password that can only hold these characters anyway. */
    private static String literal(String value) {
        if (!value.matches("[A-Za-z0-9_.%:-]+")) {
            throw new IllegalArgumentException("unexpected characters in a database account part: " + value);
        }
        return "'" + value + "'";
    }
}
