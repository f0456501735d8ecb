package org.crmworkbench.plugin.tender.register;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.Controls;
import org.crmworkbench.plugin.tender.Feedback;
import org.crmworkbench.plugin.tender.Formats;
import org.crmworkbench.plugin.tender.InputRejectedException;
import org.crmworkbench.plugin.tender.TenderPermissions;
import org.crmworkbench.plugin.tender.TenderViews;
import org.crmworkbench.plugin.tender.award.AwardPanel;
import org.crmworkbench.plugin.tender.decision.DecisionForm;
import org.crmworkbench.plugin.tender.work.QuestionsPanel;
import org.crmworkbench.plugin.tender.work.TasksPanel;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Optional;

/**
 * One tender (route {@code /tender-tracking/tender?id=}, without an id a new one): its status with the
 * moves the pipeline allows, and tabs for the details, lots, documents and team, the bid/no-bid
 * decision, the award, the Q&amp;A log, the tasks and the status history.
 */
@PermitAll
public class TenderView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    final H2 title = new H2();
    final HorizontalLayout head = new HorizontalLayout();
    final HorizontalLayout moves = new HorizontalLayout();
    final TenderForm form;
    final Button save = new Button();
    private final PluginContext context;
    private final Tenders tenders;
    private Tender current;
    private Long authority;

    public TenderView(PluginContext context) {
        this.context = context;
        this.tenders = new Tenders(context.dsl(), context.clock(), context.accounts(), context::requirePermission);
        this.form = new TenderForm(context);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWrap(true);
        moves.setWrap(true);
        moves.setAlignItems(FlexComponent.Alignment.CENTER);
    }

    @Override
    public String getPageTitle() {
        return current == null ? context.message("tender.new-title") : current.title();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = event.getLocation().getQueryParameters().getSingleParameter("id").flatMap(TenderView::parse);
        current = id.flatMap(tenders::find).orElse(null);
        authority = event.getLocation().getQueryParameters().getSingleParameter("authority").flatMap(TenderView::parse).orElse(null);
        if (id.isPresent() && current == null) {
            removeAll();
            add(new H2(context.message("tender.gone")), new Anchor(TenderViews.REGISTER, context.message("tender.back")));
            return;
        }
        render();
    }

    static Optional<Long> parse(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void render() {
        removeAll();
        boolean editor = context.hasPermission(TenderPermissions.EDIT);
        form.setReadOnly(!editor);
        save.setVisible(editor);
        if (current == null) {
            title.setText(context.message("tender.new-title"));
            form.show(TenderInput.blank().withAuthority(authority));
            save.setText(context.message("tender.create"));
            add(title, form, save);
            form.title.focus();
            return;
        }
        title.setText(current.title());
        head.removeAll();
        head.add(Formats.badge(context, current.status()),
                new Anchor("accounts/" + current.input().authorityId(), current.authorityName()),
                new Span(context.message("tender.updated", current.updatedBy(),
                        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(context.locale()).format(current.updatedAt()))));
        if (current.input().lostReason() != null) {
            head.add(new Span(context.message("tender.lost-because", context.message(current.input().lostReason().labelKey()))));
        }
        renderMoves(editor);
        form.show(current.input());
        save.setText(context.message("action.save"));
        var delete = new Button(context.message("tender.delete"), VaadinIcon.TRASH.create(), click -> confirmDelete());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setVisible(editor);
        var details = new VerticalLayout(form, new HorizontalLayout(save, delete));
        details.setPadding(false);
        long id = current.id();
        var sheet = new TabSheet();
        sheet.setWidthFull();
        sheet.add(context.message("tab.details"), details);
        sheet.add(context.message("tab.parts"), new PartsPanel(context, id, current.input().currency(), editor));
        sheet.add(context.message("tab.decision"), new DecisionForm(context, current, this::reload));
        sheet.add(context.message("tab.award"), new AwardPanel(context, current, editor));
        sheet.add(context.message("tab.questions"), new QuestionsPanel(context, id, editor));
        sheet.add(context.message("tab.tasks"), new TasksPanel(context, id, editor));
        sheet.add(context.message("tab.history"), history());
        add(title, head, moves, sheet);
    }

    private void renderMoves(boolean editor) {
        moves.removeAll();
        if (!editor || !current.status().open()) {
            moves.setVisible(false);
            return;
        }
        moves.setVisible(true);
        moves.add(new Span(context.message("tender.move-to")));
        var allowed = tenders.moves(current);
        allowed.forEach((to, refusal) -> {
            var button = new Button(context.message(to.labelKey()), click -> move(to));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            refusal.ifPresentOrElse(key -> {
                button.setEnabled(false);
                button.setTooltipText(context.message(key));
            }, () -> button.setTooltipText(context.message("tender.move-hint", context.message(to.labelKey()))));
            moves.add(button);
        });
        allowed.values().stream().flatMap(Optional::stream).distinct()
                .forEach(key -> moves.add(new Span(context.message(key))));
    }

    void move(TenderStatus to) {
        MoveAction.run(context, tenders, current, to, this::reload);
    }

    void save() {
        form.fields().values().forEach(field -> field.setInvalid(false));
        if (form.unreadable()) {
            return;
        }
        var input = form.input();
        try {
            if (current == null) {
                long id = tenders.create(input, Feedback.by(context));
                UI.getCurrent().navigate(TenderViews.TENDER, QueryParameters.of("id", String.valueOf(id)));
                return;
            }
            tenders.update(current.id(), current.version(), input, Feedback.by(context));
            Feedback.success(context.message("tender.saved"));
            reload();
        } catch (InputRejectedException e) {
            Feedback.rejected(context, e, form.fields());
        } catch (PermissionDeniedException e) {
            Feedback.denied(context, e);
        } catch (ChangedMeanwhileException e) {
            // keep what the user typed on screen: only the stored version is refreshed
            Feedback.error(context.message("tender.changed-meanwhile"));
            current = tenders.find(current.id()).orElse(null);
            if (current == null) {
                UI.getCurrent().navigate(TenderViews.REGISTER);
            }
        }
    }

    private void confirmDelete() {
        Controls.confirm(context, "tender.delete-title", context.message("tender.delete-text", current.title()), "tender.delete", true, () -> {
            try {
                tenders.delete(current.id(), current.version());
                UI.getCurrent().navigate(TenderViews.REGISTER);
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                Feedback.changedMeanwhile(context);
                reload();
            }
        });
    }

    void reload() {
        current = tenders.find(current.id()).orElse(null);
        if (current == null) {
            UI.getCurrent().navigate(TenderViews.REGISTER);
            return;
        }
        render();
    }

    private Grid<Tenders.StatusChange> history() {
        var grid = new Grid<Tenders.StatusChange>();
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(context.locale());
        grid.addColumn(c -> format.format(c.at())).setHeader(context.message("history.at")).setAutoWidth(true);
        grid.addColumn(c -> c.from() == null ? "" : context.message(c.from().labelKey())).setHeader(context.message("history.from"));
        grid.addColumn(c -> context.message(c.to().labelKey())).setHeader(context.message("history.to"));
        grid.addColumn(Tenders.StatusChange::by).setHeader(context.message("history.by"));
        grid.setItems(tenders.history(current.id()));
        grid.setAllRowsVisible(true);
        return grid;
    }
}
