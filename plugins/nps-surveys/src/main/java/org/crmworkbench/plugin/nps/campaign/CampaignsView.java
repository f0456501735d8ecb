package org.crmworkbench.plugin.nps.campaign;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.csv.CsvDownloads;
import org.crmworkbench.api.csv.CsvWriter;
import org.crmworkbench.api.mail.MailException;
import org.crmworkbench.plugin.nps.NpsPermissions;
import org.crmworkbench.plugin.nps.answer.Answers;
import org.crmworkbench.plugin.nps.followup.FollowUpLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The survey campaigns (route {@code /nps-surveys/campaigns}, for those who manage surveys): the
 * list with search and sorting, the editor with validation and conflict detection, and per campaign
 * its steps: start (invites the targets), invite new targets, e-mail the invitations and the one
 * reminder in the background, export personal links, make an anonymous link, enter or import
 * answers, close.
 */
@PermitAll
public class CampaignsView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(CampaignsView.class);

    final TextField search = new TextField();
    final Button create = new Button();
    final Button settings = new Button();
    final Grid<Campaign> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    final H3 editorTitle = new H3();
    final CampaignForm form;
    final Paragraph targets = new Paragraph();
    final Button save = new Button();
    final Button start = new Button();
    final Button close = new Button();
    final Button delete = new Button();
    final Button invite = new Button();
    final Button send = new Button();
    final Button remind = new Button();
    final Button anonymous = new Button();
    final Button enter = new Button();
    final Button importAnswers = new Button();
    final Anchor links;
    final TextField anonymousLink = new TextField();
    final ProgressBar progress = new ProgressBar();
    final Div editor = new Div();
    private final PluginContext context;
    private final Campaigns campaigns;
    private final Distribution distribution;
    private final Distribution sending;
    private final Answers answers;
    /** The campaign in the editor; null for a new one. */
    private Campaign editing;
    private volatile boolean busy;

    public CampaignsView(PluginContext context) {
        this.context = context;
        this.campaigns = new Campaigns(context.dsl(), context.clock(), context::requirePermission);
        this.distribution = new Distribution(context.dsl(), context.clock(), context.mailer(), context::publicUrl, context::requirePermission);
        // sending runs on a background thread, which has no signed-in user: the click checks the permission
        this.sending = new Distribution(context.dsl(), context.clock(), context.mailer(), context::publicUrl);
        this.answers = new Answers(context.dsl(), context.clock(), new FollowUpLoop(context.dsl(), context.clock(), context::followUps),
                context::requirePermission);
        this.form = new CampaignForm(context);
        setWidthFull();
        Locale locale = context.locale();
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);

        search.setPlaceholder(context.message("campaigns.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> refresh());
        create.setText(context.message("campaigns.new"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> edit(null));
        settings.setText(context.message("campaigns.settings"));
        settings.setIcon(VaadinIcon.COG.create());
        settings.addClickListener(click -> new SettingsDialog(context).open());
        var top = new HorizontalLayout(search, create, settings);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(Campaign::name).setKey("NAME").setHeader(context.message("campaign.name")).setSortable(true).setFlexGrow(3);
        grid.addColumn(c -> context.message(c.status().labelKey())).setKey("STATUS").setHeader(context.message("campaign.status"))
                .setSortable(true);
        grid.addColumn(c -> dates.format(c.input().opensOn())).setKey("OPENS_ON").setHeader(context.message("campaign.opens-on"))
                .setSortable(true);
        grid.addColumn(c -> dates.format(c.input().closesOn())).setKey("CLOSES_ON").setHeader(context.message("campaign.closes-on"))
                .setSortable(true);
        grid.addColumn(Campaign::invited).setHeader(context.message("campaigns.invited"));
        grid.addColumn(Campaign::sent).setHeader(context.message("campaigns.sent"));
        grid.addColumn(Campaign::answered).setHeader(context.message("campaigns.answered"));
        grid.setItems(query -> {
            var order = query.getSortOrders().stream().findFirst();
            var sort = order.map(o -> Campaigns.Sort.valueOf(o.getSorted())).orElse(Campaigns.Sort.OPENS_ON);
            boolean descending = order.map(o -> o.getDirection() == SortDirection.DESCENDING).orElse(true);
            return campaigns.page(search.getValue(), sort, descending, query.getOffset(), query.getLimit()).stream();
        }, query -> campaigns.count(search.getValue()));
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("OPENS_ON"), SortDirection.DESCENDING)));
        grid.setHeight("16rem");
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                edit(change.getValue());
            }
        });

        save.setText(context.message("campaigns.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL);
        start.setText(context.message("campaigns.start"));
        start.setIcon(VaadinIcon.PLAY.create());
        start.addClickListener(click -> confirmStart());
        close.setText(context.message("campaigns.close"));
        close.setIcon(VaadinIcon.STOP.create());
        close.addClickListener(click -> confirmClose());
        delete.setText(context.message("campaigns.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(click -> confirmDelete());
        var steps = new HorizontalLayout(save, start, close, delete);
        steps.getStyle().set("flex-wrap", "wrap");

        invite.setText(context.message("campaigns.invite"));
        invite.setIcon(VaadinIcon.USERS.create());
        invite.addClickListener(click -> inviteNew());
        send.setIcon(VaadinIcon.ENVELOPE.create());
        send.addClickListener(click -> {
            context.requirePermission(NpsPermissions.MANAGE);
            inBackground("campaigns.sent-now", distribution.unsent(editing.id()), sending::send);
        });
        remind.setIcon(VaadinIcon.BELL.create());
        remind.addClickListener(click -> {
            context.requirePermission(NpsPermissions.MANAGE);
            inBackground("campaigns.reminded-now", distribution.dueReminders(editing.id()), sending::remind);
        });
        links = new Anchor(CsvDownloads.handler("nps-links.csv", this::linksState, CampaignsView::exportLinks), "");
        var linksButton = new Button(context.message("campaigns.links"), VaadinIcon.DOWNLOAD_ALT.create());
        links.add(linksButton);
        links.getElement().setAttribute("download", true);
        anonymous.setText(context.message("campaigns.anonymous"));
        anonymous.setIcon(VaadinIcon.LINK.create());
        anonymous.addClickListener(click -> confirmAnonymous());
        anonymousLink.setReadOnly(true);
        anonymousLink.setWidth("40rem");
        anonymousLink.setLabel(context.message("campaigns.anonymous-link"));
        anonymousLink.setHelperText(context.message("campaigns.anonymous-help"));
        anonymousLink.setVisible(false);
        enter.setText(context.message("campaigns.enter"));
        enter.setIcon(VaadinIcon.EDIT.create());
        enter.addClickListener(click -> new EnterAnswerDialog(context, answers, editing, null, this::edited).open());
        importAnswers.setText(context.message("campaigns.import"));
        importAnswers.setIcon(VaadinIcon.UPLOAD.create());
        importAnswers.addClickListener(click -> new ImportAnswersDialog(context, editing, this::edited).open());
        progress.setVisible(false);
        progress.setWidth("12rem");
        var distribute = new HorizontalLayout(invite, send, remind, links, anonymous, enter, importAnswers, progress);
        distribute.getStyle().set("flex-wrap", "wrap");
        distribute.setAlignItems(FlexComponent.Alignment.CENTER);

        editor.add(editorTitle, form, targets, steps, distribute, anonymousLink);
        editor.setVisible(false);
        editor.setWidthFull();
        add(new H2(context.message("campaigns.title")), new Paragraph(context.message("campaigns.intro")), top, empty, grid, editor);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return context.message("campaigns.title");
    }

    private String by() {
        return context.currentUser().map(UserRef::username).orElse("?");
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        boolean none = campaigns.count(search.getValue()) == 0;
        empty.setText(context.message(search.getValue().isBlank() ? "campaigns.none" : "campaigns.none-found"));
        empty.setVisible(none);
        grid.setVisible(!none);
    }

    /** Opens a campaign in the editor, or a new one for null. */
    void edit(Campaign campaign) {
        editing = campaign == null ? null : campaigns.find(campaign.id()).orElse(null);
        anonymousLink.setVisible(false);
        editor.setVisible(true);
        if (editing == null) {
            grid.asSingleSelect().clear();
            editorTitle.setText(context.message("campaigns.new"));
            form.readNew(Settings.load(context.dsl()).organisation(), LocalDate.now(context.clock()));
        } else {
            editorTitle.setText(editing.name() + " · " + context.message(editing.status().labelKey()));
            form.read(editing.input());
        }
        showSteps();
        form.name.focus();
    }

    private void showSteps() {
        var status = editing == null ? CampaignStatus.DRAFT : editing.status();
        boolean running = status == CampaignStatus.RUNNING;
        form.setReadOnly(status == CampaignStatus.CLOSED);
        save.setVisible(status != CampaignStatus.CLOSED);
        start.setVisible(editing != null && status == CampaignStatus.DRAFT);
        delete.setVisible(editing != null && status == CampaignStatus.DRAFT);
        close.setVisible(running);
        invite.setVisible(running);
        links.setVisible(running);
        anonymous.setVisible(running);
        boolean mail = context.mailer().configured();
        send.setVisible(running && mail);
        remind.setVisible(running && mail);
        enter.setVisible(editing != null && status != CampaignStatus.DRAFT);
        importAnswers.setVisible(editing != null && status != CampaignStatus.DRAFT);
        if (editing == null) {
            targets.setText(context.message("campaigns.targets-new", campaigns.countTargets(form.input(), null)));
        } else if (running) {
            int unsent = distribution.unsent(editing.id());
            int due = distribution.dueReminders(editing.id());
            send.setText(context.message("campaigns.send", unsent));
            send.setEnabled(unsent > 0 && !busy);
            remind.setText(context.message("campaigns.remind", due));
            remind.setEnabled(due > 0 && !busy);
            targets.setText(context.message("campaigns.counts", editing.invited(), editing.sent(), editing.answered())
                    + (mail ? "" : " " + context.message("campaigns.no-mail")));
        } else if (status == CampaignStatus.DRAFT) {
            targets.setText(context.message("campaigns.targets", campaigns.countTargets(editing.input(), editing.id())));
        } else {
            targets.setText(context.message("campaigns.counts", editing.invited(), editing.sent(), editing.answered()));
        }
    }

    /** After a change elsewhere (answers entered): re-reads the campaign. */
    void edited() {
        refresh();
        if (editing != null) {
            edit(editing);
        }
    }

    void save() {
        var input = form.input();
        try {
            if (editing == null) {
                long id = campaigns.create(input, by());
                editing = campaigns.find(id).orElseThrow();
            } else {
                campaigns.update(editing.id(), editing.version(), input, by());
                editing = campaigns.find(editing.id()).orElseThrow();
            }
            notify("campaigns.saved", NotificationVariant.LUMO_SUCCESS);
            refresh();
            grid.select(editing);
            edit(editing);
        } catch (CampaignRejectedException e) {
            form.showErrors(e.errors());
            if (e.errors().containsKey("status")) {
                notify(e.errors().get("status"), NotificationVariant.LUMO_ERROR);
            }
        } catch (CampaignChangedException e) {
            // the input stays on screen; the user may reload to see the other change
            notify("campaigns.changed", NotificationVariant.LUMO_ERROR);
        }
    }

    private void confirmStart() {
        int count = campaigns.countTargets(editing.input(), editing.id());
        confirm("campaigns.start-title", context.message("campaigns.start-text", count), "campaigns.start", () -> {
            int invited = campaigns.start(editing.id(), editing.version());
            Notification.show(context.message("campaigns.started", invited), 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
    }

    private void confirmClose() {
        confirm("campaigns.close-title", context.message("campaigns.close-text"), "campaigns.close", () -> {
            campaigns.close(editing.id(), editing.version());
            notify("campaigns.closed", NotificationVariant.LUMO_SUCCESS);
        });
    }

    /** Asks before a status step; a campaign changed in between is reported, then the editor shows it anew. */
    private void confirm(String titleKey, String text, String confirmKey, Runnable step) {
        var dialog = new ConfirmDialog(context.message(titleKey), text, context.message(confirmKey), confirm -> {
            try {
                step.run();
            } catch (CampaignChangedException e) {
                notify("campaigns.changed", NotificationVariant.LUMO_ERROR);
            }
            edited();
        });
        dialog.setCancelable(true);
        dialog.setCancelText(context.message("campaigns.cancel"));
        dialog.open();
    }

    private void confirmDelete() {
        var dialog = new ConfirmDialog(context.message("campaigns.delete-title"), context.message("campaigns.delete-text", editing.name()),
                context.message("campaigns.delete"), confirm -> {
                    if (campaigns.deleteDraft(editing.id(), editing.version())) {
                        notify("campaigns.deleted", NotificationVariant.LUMO_SUCCESS);
                        editing = null;
                        editor.setVisible(false);
                    } else {
                        notify("campaigns.changed", NotificationVariant.LUMO_ERROR);
                    }
                    refresh();
                });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText(context.message("campaigns.cancel"));
        dialog.open();
    }

    private void inviteNew() {
        int invited = campaigns.invite(editing.id());
        Notification.show(context.message("campaigns.invited-now", invited), 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        edited();
    }

    private void confirmAnonymous() {
        Runnable make = () -> {
            String token = campaigns.newAnonymousToken(editing.id());
            anonymousLink.setValue(context.publicUrl(Distribution.ANONYMOUS_PATH + "/" + token).toString());
            anonymousLink.setVisible(true);
            editing = campaigns.find(editing.id()).orElseThrow();
        };
        if (!editing.anonymousLink()) {
            make.run();
            return;
        }
        var dialog = new ConfirmDialog(context.message("campaigns.anonymous"), context.message("campaigns.anonymous-replace"),
                context.message("campaigns.anonymous-new"), confirm -> make.run());
        dialog.setCancelable(true);
        dialog.setCancelText(context.message("campaigns.cancel"));
        dialog.open();
    }

    /** Mailing work on one campaign that reports how many messages it handled so far. */
    interface Mailing {
        int run(long campaignId, IntConsumer progress);
    }

    /** Sends e-mail off the UI thread with progress; the UI polls until it is done. */
    private void inBackground(String doneKey, int total, Mailing work) {
        if (busy || editing == null) {
            return;
        }
        var ui = UI.getCurrent();
        long id = editing.id();
        busy = true;
        send.setEnabled(false);
        remind.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        ui.setPollInterval(500);
        Thread.ofVirtual().name("nps-mail").start(() -> {
            String problem = null;
            int count = 0;
            try {
                count = work.run(id, done -> ui.access(() -> progress.setValue(Math.min(1, done / (double) Math.max(1, total)))));
            } catch (MailException e) {
                log.warn("Sending survey e-mail failed: {}", e.getMessage());
                problem = "campaigns.mail-failed";
            } catch (RuntimeException e) {
                log.error("Sending survey e-mail failed", e);
                problem = "campaigns.mail-failed";
            }
            String failed = problem;
            int sent = count;
            ui.access(() -> {
                busy = false;
                ui.setPollInterval(-1);
                progress.setVisible(false);
                if (failed != null) {
                    notify(failed, NotificationVariant.LUMO_ERROR);
                } else {
                    Notification.show(context.message(doneKey, sent), 5000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }
                edited();
            });
        });
    }

    private void notify(String key, NotificationVariant variant) {
        Notification.show(context.message(key), 5000, variant == NotificationVariant.LUMO_ERROR
                ? Notification.Position.MIDDLE : Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }

    /** What the CSV of links needs, taken under the session lock. */
    record LinksState(Distribution distribution, Long campaignId, List<String> headers) {
    }

    LinksState linksState() {
        return new LinksState(distribution, editing == null ? null : editing.id(), List.of(context.message("links.account"),
                context.message("links.contact"), context.message("links.email"), context.message("links.language"),
                context.message("links.link")));
    }

    static void exportLinks(LinksState state, CsvWriter csv, Locale locale) {
        csv.row(state.headers());
        if (state.campaignId() == null) {
            return;
        }
        for (var link : state.distribution().newLinks(state.campaignId())) {
            csv.row(List.of(link.accountName(), link.contactName(), link.email(), link.language(), link.url().toString()));
        }
    }
}
