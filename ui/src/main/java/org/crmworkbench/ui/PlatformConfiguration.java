package org.crmworkbench.ui;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.account.AccountImport;
import org.crmworkbench.core.account.CoreAccounts;
import org.crmworkbench.core.account.DemoAccounts;
import org.crmworkbench.core.account.LifecycleRules;
import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.core.audit.AuditTrail;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.interaction.DemoInteractions;
import org.crmworkbench.core.interaction.CoreFollowUps;
import org.crmworkbench.core.interaction.CoreInteractions;
import org.crmworkbench.core.interaction.InteractionService;
import org.crmworkbench.core.mail.SmtpMailer;
import org.crmworkbench.api.mail.Mailer;
import org.crmworkbench.core.opportunity.DemoOpportunities;
import org.crmworkbench.core.opportunity.OpportunityService;
import org.crmworkbench.core.order.DemoOrders;
import org.crmworkbench.core.order.OrderImport;
import org.crmworkbench.core.plan.DemoPlans;
import org.crmworkbench.core.plan.PlanService;
import org.crmworkbench.core.order.OrderService;
import org.crmworkbench.core.order.ProductService;
import org.crmworkbench.core.contact.ContactImport;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.contact.DemoContacts;
import org.crmworkbench.core.plugin.BundledPlugins;
import org.crmworkbench.core.plugin.HostServices;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.core.user.DemoUsers;
import org.crmworkbench.core.user.PasswordPolicy;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.core.user.UserAdministration;
import org.crmworkbench.db.CrmDatabase;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.time.LocalDate;

/** Wires the core (database, users, plugin host) into Spring; the core itself knows no Spring. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    private static final int DEMO_ACCOUNTS = 2_000;
    private static final long DEMO_SEED = 20_261_123L;

    /**
     * The database, its connection pool measured ({@code hikaricp_*}) before any plugin starts: each
     * plugin's own pool copies the workbench pool's settings and so is measured too, under its own name.
     */
    @Bean(destroyMethod = "close")
    CrmDatabase crmDatabase(CrmProperties properties, ObjectProvider<MeterRegistry> meters) {
        var database = CrmDatabase.open(properties.databaseSettings());
        if (database.dataSource() instanceof HikariDataSource pool) {
            meters.ifAvailable(registry -> pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)));
        }
        return database;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserAccounts userAccounts(CrmDatabase database, PasswordEncoder passwordEncoder, CrmProperties properties) {
        var accounts = new UserAccounts(database.dsl(), passwordEncoder);
        boolean freshDatabase = accounts.createInitialAdminIfNoUsers(properties.dataDir()).isPresent();
        if (freshDatabase && properties.demoDataEnabled()) {
            DemoUsers.create(accounts);
            var managers = accounts.activeUsers().stream().filter(u -> !u.hasRole(Role.ADMIN)).map(UserRef::id).toList();
            DemoAccounts.create(database.dsl(), DEMO_ACCOUNTS, managers, DEMO_SEED);
            DemoContacts.create(database.dsl(), DEMO_SEED);
            DemoOrders.create(database.dsl(), LocalDate.now(), DEMO_SEED);
            DemoInteractions.create(database.dsl(), LocalDate.now(), DEMO_SEED);
            DemoOpportunities.create(database.dsl(), LocalDate.now(), DEMO_SEED);
            DemoPlans.create(database.dsl(), LocalDate.now(), DEMO_SEED);
        }
        return accounts;
    }

    @Bean
    UserAdministration userAdministration(CrmDatabase database, PasswordEncoder passwordEncoder, SecurityLog log, Clock clock) {
        return new UserAdministration(database.dsl(), passwordEncoder, PasswordPolicy.bundled(), log, clock);
    }

    @Bean
    ContactService contactService(CrmDatabase database, Clock clock) {
        return new ContactService(database.dsl(), clock);
    }

    @Bean
    AccountService accountService(CrmDatabase database, Clock clock, PluginHost host) {
        return new AccountService(database.dsl(), clock, host::publish);
    }

    @Bean
    LifecycleRules lifecycleRules(CrmDatabase database, Clock clock, PluginHost host, CrmProperties properties) {
        return new LifecycleRules(database.dsl(), clock, properties.lifecycle().churnMonths(), host::publish);
    }

    @Bean
    OrderService orderService(CrmDatabase database, Clock clock, LifecycleRules lifecycle, PluginHost host) {
        return new OrderService(database.dsl(), clock, lifecycle, host::publish);
    }

    @Bean
    InteractionService interactionService(CrmDatabase database, Clock clock, PluginHost host) {
        return new InteractionService(database.dsl(), clock, host::publish);
    }

    @Bean
    OpportunityService opportunityService(CrmDatabase database, Clock clock) {
        return new OpportunityService(database.dsl(), clock);
    }

    @Bean
    AccountImport accountImport(CrmDatabase database, Clock clock, AccountService accounts, PluginHost host) {
        return new AccountImport(database.dsl(), clock, accounts, host::publish);
    }

    @Bean
    OrderImport orderImport(CrmDatabase database, Clock clock, LifecycleRules lifecycle, PluginHost host) {
        return new OrderImport(database.dsl(), clock, lifecycle, host::publish);
    }

    @Bean
    ContactImport contactImport(CrmDatabase database, Clock clock) {
        return new ContactImport(database.dsl(), clock);
    }

    @Bean
    PlanService planService(CrmDatabase database, Clock clock) {
        return new PlanService(database.dsl(), clock);
    }

    @Bean
    AuditTrail auditTrail(CrmDatabase database, Clock clock) {
        return new AuditTrail(database.dsl(), clock);
    }

    @Bean
    SecurityLog securityLog(CrmDatabase database, Clock clock) {
        return new SecurityLog(database.dsl(), clock);
    }

    @Bean
    ProductService productService(CrmDatabase database, Clock clock) {
        return new ProductService(database.dsl(), clock);
    }

    @Bean
    ApiTokens apiTokens(CrmDatabase database, Clock clock) {
        return new ApiTokens(database.dsl(), clock);
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    Permissions permissions(CrmDatabase database, Clock clock) {
        return new Permissions(database.dsl(), clock, Permissions.REFRESH);
    }

    @Bean(destroyMethod = "close")
    PluginHost pluginHost(CrmDatabase database, CrmProperties properties, CurrentUser currentUser,
                          Permissions permissions, Clock clock, ObjectProvider<JavaMailSender> mailSender) {
        BundledPlugins.installIfEmpty(properties.bundledPluginsDir(), properties.pluginsDir());
        // follow-ups, interactions and accounts publish their events to the host that is being built here
        var hostRef = new AtomicReference<PluginHost>();
        var interactionService = new InteractionService(database.dsl(), clock, event -> hostRef.get().publish(event));
        var followUps = new CoreFollowUps(database.dsl(), interactionService, currentUser, clock);
        var accounts = new CoreAccounts(new AccountService(database.dsl(), clock, event -> hostRef.get().publish(event)),
                new OpportunityService(database.dsl(), clock), currentUser);
        Mailer mailer = mailSender.getIfAvailable() == null ? Mailer.NONE
                : new SmtpMailer(mailSender.getObject(), properties.mailFrom());
        var host = new PluginHost(properties.pluginsDir(), database.dataSource(),
                new HostServices(currentUser, permissions, clock, properties.demoDataEnabled(), followUps,
                        new CoreInteractions(interactionService, currentUser, clock), accounts, mailer,
                        properties.publicUrl()), properties.scheduledTasks());
        hostRef.set(host);
        host.startAll();
        Duration poll = properties.plugins().pollInterval();
        if (poll.isPositive()) {
            host.followOtherNodes(poll);
        }
        return host;
    }

    /**
     * The context a plugin view asks for in its constructor: that of the plugin whose class loader
     * loaded the view. Vaadin's Spring instantiator creates plugin views through the bean factory.
     */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    PluginContext pluginContext(InjectionPoint injectionPoint, PluginHost host) {
        ClassLoader loader = injectionPoint.getMember().getDeclaringClass().getClassLoader();
        return host.contextFor(loader).orElseThrow(() -> new IllegalStateException(
                injectionPoint.getMember().getDeclaringClass().getName() + " does not belong to a started plugin"));
    }
}
