package org.crmworkbench.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.account.AccountRef;
import org.crmworkbench.core.account.Account;
import org.crmworkbench.core.account.AccountService;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.contact.ContactService;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.security.CurrentUser;
import org.crmworkbench.core.security.Permissions;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.core.audit.AuditTrail;
import org.crmworkbench.core.interaction.InteractionService;
import org.crmworkbench.core.opportunity.OpportunityService;
import org.crmworkbench.core.order.OrderService;
import org.crmworkbench.core.plan.PlanService;
import org.crmworkbench.core.order.ProductService;
import org.crmworkbench.ui.contact.AccountContacts;
import org.crmworkbench.ui.editing.Deleting;
import org.crmworkbench.ui.interaction.AccountInteractions;
import org.crmworkbench.ui.opportunity.AccountOpportunities;
import org.crmworkbench.ui.order.AccountOrders;
import org.crmworkbench.ui.plan.AccountPlans;
import org.crmworkbench.ui.shell.DatabaseHealth;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

/**
 * The account editor at {@code /accounts/<id>} ({@code /accounts/new} for a new one): the details tab,
 * then the tabs contributed by plugins. A stale save keeps the user's input and says who changed the
 * account when; so does a save while the database cannot be reached.
 */
@Route("accounts")
@PermitAll
public class AccountEditorView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    static final String NEW = "new";

    final H2 title = new H2();
    final Span stageBadge = new Span();
    final Span groupBadge = new Span();
    final AccountPluginTabs tabs = new AccountPluginTabs();
    final AccountForm form;
    /** Managers and admins only, on an existing account. */
    final Button delete;
    private final AccountService accounts;
    private final ContactService contacts;
    private final InteractionService interactions;
    private final OpportunityService opportunities;
    private final OrderService orders;
    private final AuditTrail audit;
    private final PlanService plans;
    private final ProductService products;
    private final PluginHost host;
    private final Permissions permissions;
    private final UserRef user;
    private final List<UserRef> users;
    private Account account;
    final AccountHistory history = new AccountHistory();

    public AccountEditorView(AccountService accounts, ContactService contacts, InteractionService interactions,
                             OpportunityService opportunities, OrderService orders, AuditTrail audit, PlanService plans,
                             ProductService products, UserAccounts userAccounts, PluginHost host, Permissions permissions,
                             CurrentUser currentUser) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.interactions = interactions;
        this.opportunities = opportunities;
        this.orders = orders;
        this.audit = audit;
        this.plans = plans;
        this.products = products;
        this.host = host;
        this.permissions = permissions;
        this.user = currentUser.user().orElseThrow();
        this.users = userAccounts.activeUsers();
        this.form = new AccountForm(users, this::save);
        setSizeFull();
        var back = new Button(getTranslation("nav.accounts"), VaadinIcon.ARROW_LEFT.create(),
                click -> getUI().ifPresent(ui -> ui.navigate(AccountsView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        stageBadge.getElement().getThemeList().add("badge");
        groupBadge.getElement().getThemeList().add("badge contrast");
        groupBadge.setTitle(getTranslation("account.group.period"));
        delete = Deleting.button(this, () -> account.data().name(), "delete.account",
                () -> accounts.delete(account.id(), account.version(), user),
                () -> getUI().ifPresent(ui -> ui.navigate(AccountsView.class)));
        delete.setText(getTranslation("account.delete"));
        delete.getStyle().set("margin-inline-start", "auto");
        delete.setVisible(false);
        var header = new HorizontalLayout(back, title, stageBadge, groupBadge, delete);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        tabs.setSizeFull();
        add(header, tabs);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        tabs.add(getTranslation("account.tab.details"), form);
        if (NEW.equals(parameter)) {
            account = null;
            var draft = new AccountDraft();
            draft.manager = users.stream().filter(u -> u.id() == user.id()).findFirst().orElse(null);
            form.binder.setBean(draft);
            title.setText(getTranslation("accounts.new"));
            stageBadge.setVisible(false);
            groupBadge.setVisible(false);
            return;
        }
        account = parseId(parameter).flatMap(id -> accounts.find(id, user))
                .orElseThrow(() -> new NotFoundException(getTranslation("account.not-found")));
        form.binder.setBean(AccountDraft.of(account.data(), users));
        showHeader();
        delete.setVisible(AccountService.mayDelete(user));
        tabs.add(getTranslation("account.tab.contacts"), new AccountContacts(contacts, account.id(), user))
                .setId("account-tab-contacts");
        String managerName = users.stream().filter(u -> u.id() == (account.data().accountManagerId() == null ? -1
                : account.data().accountManagerId())).map(UserRef::displayName).findFirst().orElse(null);
        tabs.add(getTranslation("account.tab.team"), new AccountTeam(accounts, account.id(), managerName, user, users));
        tabs.add(getTranslation("account.tab.interactions"), new AccountInteractions(interactions, contacts, account.id(), user))
                .setId("account-tab-interactions");
        tabs.add(getTranslation("account.tab.opportunities"), new AccountOpportunities(opportunities, account.id(), user, users));
        tabs.add(getTranslation("account.tab.orders"),
                new AccountOrders(orders, products, account.id(), user, this::orderAdded));
        tabs.add(getTranslation("account.tab.plan"), new AccountPlans(plans, account.id(), user, users));
        history.showChanges(audit, account.id(), user);
        tabs.add(getTranslation("account.tab.history"), history);
        tabs.addPluginTabs(new AccountRef(account.id(), account.data().name()), host, permissions, user, getLocale());
    }

    @Override
    public String getPageTitle() {
        return (account == null ? getTranslation("accounts.new") : account.data().name()) + " | " + getTranslation("app.name");
    }

    void save() {
        if (!form.binder.validate().isOk()) {
            return;
        }
        var data = form.binder.getBean().toData();
        try {
            if (account == null) {
                long id = accounts.create(data, user);
                notify(getTranslation("account.created", data.name().strip()), NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate(AccountEditorView.class, String.valueOf(id)));
                return;
            }
            accounts.update(account.id(), account.version(), data, user);
            account = accounts.find(account.id(), user).orElseThrow();
            showHeader();
            notify(getTranslation("account.saved", account.data().name()), NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            form.showErrors(e.errors());
            notify(getTranslation("account.error.check-fields"), NotificationVariant.LUMO_ERROR);
        } catch (ConcurrentEditException e) {
            if (e.changedAt() == null) { // the account is gone, or no longer visible to this user
                notify(getTranslation("account.not-found"), NotificationVariant.LUMO_WARNING);
                return;
            }
            String when = e.changedAt().format(
                    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale()));
            String who = e.changedBy() == null ? getTranslation("account.someone") : e.changedBy();
            notify(getTranslation("account.error.changed-elsewhere", who, when),
                    NotificationVariant.LUMO_WARNING);
        } catch (RuntimeException e) {
            if (!DatabaseHealth.notSaved(this, e)) {
                throw e;
            }
        }
    }

    private void showHeader() {
        title.setText(account.data().name());
        stageBadge.setText(getTranslation(account.data().stage().labelKey()));
        stageBadge.setVisible(true);
        accounts.group(account.id(), user).ifPresent(group -> groupBadge.setText(getTranslation(group.labelKey())));
        history.show(accounts.stageHistory(account.id(), user));
        history.changes.getDataProvider().refreshAll();
    }

    /**
     * An order may have moved the stage: take the new stage and version, keep what the user typed. When
     * someone else changed more than the stage meanwhile, keep the old version so a save reports it.
     */
    private void orderAdded() {
        accounts.find(account.id(), user).ifPresent(now -> {
            boolean onlyStageMoved = now.data().withStage(account.data().stage()).equals(account.data());
            form.binder.getBean().stage = now.data().stage();
            form.binder.refreshFields();
            if (onlyStageMoved) {
                account = now;
            }
            showHeader();
        });
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }

    private static Optional<Long> parseId(String parameter) {
        try {
            return Optional.of(Long.parseLong(parameter));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
