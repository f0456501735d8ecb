package org.crmworkbench.test;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountEvent;
import org.crmworkbench.api.account.AccountEventListener;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.api.mail.Mailer;
import org.crmworkbench.api.security.PermissionContribution;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.CoreAccounts;
import org.crmworkbench.core.interaction.CoreFollowUps;
import org.crmworkbench.core.interaction.CoreInteractions;
import org.crmworkbench.core.interaction.InteractionService;
import org.crmworkbench.core.opportunity.OpportunityService;
import org.crmworkbench.core.plugin.HostServices;
import org.crmworkbench.core.plugin.PluginContexts;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.db.DatabaseSettings;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.CONTACT;

/**
 * Runs a plugin's code in its own tests the way the workbench would: a real MariaDB with the core
 * schema (one embedded server per test JVM, files under {@code target/crm-test-db} or the folder in the
 * system property {@code crm.test-db.dir} — give parallel surefire forks one each, e.g.
 * {@code target/crm-test-db-${surefire.forkNumber}}), the plugin's
 * schema migrated from {@code db/crm_<id>/} on the class path, and a {@link PluginContext} backed by
 * the real core services, so that {@code context().accounts()} or {@code interactions()} behave as
 * in the running workbench.
 *
 * <pre>{@code
 * static PluginTestHarness harness = PluginTestHarness.start("account-notes");
 *
 * @BeforeEach void fresh() { harness.reset(); harness.signIn("sam", Role.SALES); }
 *
 * @Test void adds_a_note() {
 *     AccountRef account = harness.createAccount("Bakker BV");
 *     new Notes(harness.context()).add(account.id(), "Called about the offer");
 *     ...
 * }
 * }</pre>
 *
 * The plugin's extensions (its {@code META-INF/extensions.idx}) can be created with
 * {@link #extensions(Class)}; the permissions its {@link PermissionContribution}s define are
 * registered, so {@code context().hasPermission(..)} answers as in the workbench. Not thread-safe:
 * one harness per test class.
 */
public final class PluginTestHarness {

    private static CrmDatabase database;

    private final String pluginId;
    private final String schema;
    private final TestUsers currentUser = new TestUsers(database().dsl());
    private final MovableClock clock = new MovableClock(Instant.now());
    private final Permissions permissions = new Permissions();
    private final PluginContext context;
    private final List<AccountEventListener> listeners;

    private PluginTestHarness(String pluginId) {
        this.pluginId = pluginId;
        this.schema = "crm_" + pluginId.replace('-', '_');
        var dsl = database().dsl();
        var interactions = new InteractionService(dsl, clock, this::publish);
        var services = new HostServices(currentUser, permissions, clock, false,
                new CoreFollowUps(dsl, interactions, currentUser, clock),
                new CoreInteractions(interactions, currentUser, clock),
                new CoreAccounts(new AccountService(dsl, clock, this::publish), new OpportunityService(dsl, clock), currentUser),
                Mailer.NONE, HostServices.LOCAL_URL);
        this.context = PluginContexts.onClassPath(pluginId, database().dataSource(), services, classLoader());
        var contributions = new ArrayList<PermissionContribution>();
        for (PermissionContribution contribution : extensions(PermissionContribution.class)) {
            contributions.add(contribution);
        }
        permissions.register(pluginId, contributions.stream().flatMap(c -> c.permissions().stream()).toList());
        this.listeners = extensions(AccountEventListener.class);
    }

    /**
     * Starts (once per JVM) the embedded MariaDB, drops the plugin's schema and migrates it afresh.
     *
     * @param pluginId the plugin's id, as in its manifest's {@code Plugin-Id}
     */
    public static PluginTestHarness start(String pluginId) {
        var harness = new PluginTestHarness(pluginId);
        harness.reset();
        return harness;
    }

    /** The context the plugin's code gets, as from the host. */
    public PluginContext context() {
        return context;
    }

    /** The plugin's own schema, {@code crm_<id with _>}; its jOOQ classes name it. */
    public DSLContext dsl() {
        return context.dsl();
    }

    /** The plugin's schema: dropped and migrated again; the core accounts (with their contacts) are deleted. */
    public void reset() {
        var dsl = database().dsl();
        dsl.execute("DROP SCHEMA IF EXISTS " + schema);
        Flyway.configure(classLoader()).dataSource(database().dataSource()).schemas(schema).defaultSchema(schema)
                .createSchemas(true).locations("classpath:db/" + schema).load().migrate();
        dsl.deleteFrom(ACCOUNT).execute(); // contacts, interactions, orders and opportunities cascade
        signOut();
        clock.set(Instant.now());
        currentUser.setLocale(Locale.ENGLISH);
    }

    /**
     * Signs a user in (created in the core when new, with these roles): the context's
     * {@code currentUser()}, {@code hasPermission(..)} and the core services act for that user.
     */
    public UserRef signIn(String username, Role... roles) {
        return currentUser.signIn(username, roles);
    }

    /** No user: as in background work. */
    public void signOut() {
        currentUser.signOut();
    }

    /** The language of the signed-in user (English after {@link #reset()}). */
    public void setLocale(Locale locale) {
        currentUser.setLocale(locale);
    }

    /** Sets the host clock (UTC) the context and the core services read. */
    public void setClock(Instant now) {
        clock.set(now);
    }

    /** A core account as the workbench would have it (visible in {@code crm_core.v_accounts}), managed by nobody. */
    public AccountRef createAccount(String name) {
        return createAccount(name, null);
    }

    /**
     * A core account managed by a user (a SALES user sees the accounts it manages); null: by nobody.
     */
    public AccountRef createAccount(String name, UserRef manager) {
        long id = database().dsl().insertInto(ACCOUNT, ACCOUNT.NAME, ACCOUNT.LIFECYCLE_STAGE, ACCOUNT.ACCOUNT_MANAGER_ID)
                .values(name, "PROSPECT", manager == null ? null : manager.id())
                .returningResult(ACCOUNT.ID).fetchSingle().value1();
        return new AccountRef(id, name);
    }

    /** An active core contact of an account, with e-mail consent when an address is given. */
    public long createContact(AccountRef account, String firstName, String lastName, String email) {
        return database().dsl().insertInto(CONTACT, CONTACT.ACCOUNT_ID, CONTACT.FIRST_NAME, CONTACT.LAST_NAME, CONTACT.EMAIL,
                        CONTACT.EMAIL_CONSENT)
                .values(account.id(), firstName, lastName, email, email != null)
                .returningResult(CONTACT.ID).fetchSingle().value1();
    }

    /**
     * Hands an event to the plugin's {@link AccountEventListener}s, as the host does after a core change;
     * unlike the host, which logs a listener that throws and goes on, the harness lets the exception
     * through to the test.
     */
    public void publish(AccountEvent event) {
        for (AccountEventListener listener : listeners == null ? List.<AccountEventListener>of() : listeners) {
            listener.onEvent(event, context);
        }
    }

    /**
     * New instances of the plugin's extensions of a type, in the order of its extensions index
     * ({@code META-INF/extensions.idx}, written by PF4J's annotation processor at compile time, in the
     * class-path root that holds the plugin's messages or migrations).
     */
    public <T> List<T> extensions(Class<T> type) {
        var found = new ArrayList<T>();
        for (String className : extensionIndex()) {
            try {
                Class<?> candidate = Class.forName(className, false, classLoader());
                if (type.isAssignableFrom(candidate)) {
                    found.add(type.cast(candidate.getDeclaredConstructor().newInstance()));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create extension " + className + " (PF4J needs a public no-argument constructor)", e);
            }
        }
        return List.copyOf(found);
    }

    /** The id this harness runs. */
    public String pluginId() {
        return pluginId;
    }

    /**
     * The plugin's own extensions index: the one beside its migrations or messages, so that the index
     * of another plugin it depends on (also on the test class path) does not count.
     */
    private Set<String> extensionIndex() {
        var names = new LinkedHashSet<String>();
        try {
            URL index = ownIndex();
            if (index == null) {
                return names;
            }
            try (var reader = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
                reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(names::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read META-INF/extensions.idx", e);
        }
        return names;
    }

    private URL ownIndex() throws IOException {
        for (String marker : List.of("i18n/" + pluginId + "_en.properties", "db/" + schema + "/")) {
            URL found = classLoader().getResource(marker);
            if (found != null) {
                String url = found.toString();
                var index = java.net.URI.create(url.substring(0, url.length() - marker.length()) + "META-INF/extensions.idx").toURL();
                try (var probe = index.openStream()) {
                    return index;
                } catch (IOException e) {
                    return null; // the plugin has no extensions
                }
            }
        }
        return null;
    }

    private static ClassLoader classLoader() {
        return Optional.ofNullable(Thread.currentThread().getContextClassLoader()).orElse(PluginTestHarness.class.getClassLoader());
    }

    private static synchronized CrmDatabase database() {
        if (database == null) {
            Path dir = Path.of(System.getProperty("crm.test-db.dir", "target/crm-test-db"));
            database = CrmDatabase.open(new DatabaseSettings(null, null, null, 0, dir.toAbsolutePath()));
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "crm-test-db-stop"));
        }
        return database;
    }
}
