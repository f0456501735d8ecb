package org.crmworkbench.plugin.nps.followup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.annotation.security.PermitAll;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.plugin.nps.NpsPermissions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The closed loop (route {@code /nps-surveys/follow-ups}): the follow-up tasks detractor answers
 * opened, the signed-in user's by default (everyone's for those who read the results), open ones
 * first by due date; closing one asks for the outcome.
 */
@PermitAll
public class FollowUpsView extends VerticalLayout implements HasDynamicTitle {

    final Checkbox everyone = new Checkbox();
    final Checkbox openOnly = new Checkbox();
    final Grid<FollowUpLoop.Item> grid = new Grid<>();
    final Paragraph empty = new Paragraph();
    private final PluginContext context;
    private final FollowUpLoop loop;

    public FollowUpsView(PluginContext context) {
        this.context = context;
        this.loop = new FollowUpLoop(context.dsl(), context.clock(), context::followUps);
        setSizeFull();
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(context.locale());
        LocalDate today = LocalDate.now(context.clock());

        everyone.setLabel(context.message("follow-ups.everyone"));
        everyone.setVisible(context.hasPermission(NpsPermissions.RESULTS));
        everyone.addValueChangeListener(change -> refresh());
        openOnly.setLabel(context.message("follow-ups.open-only"));
        openOnly.setValue(true);
        openOnly.addValueChangeListener(change -> refresh());
        var filters = new HorizontalLayout(openOnly, everyone);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(item -> dates.format(item.dueOn()) + (item.open() && item.dueOn().isBefore(today)
                        ? " · " + context.message("follow-ups.overdue") : ""))
                .setHeader(context.message("follow-ups.due")).setAutoWidth(true);
        grid.addComponentColumn(item -> new Anchor("accounts/" + item.accountId(), item.accountName()))
                .setHeader(context.message("follow-ups.account")).setFlexGrow(2);
        grid.addColumn(FollowUpLoop.Item::contactName).setHeader(context.message("follow-ups.contact"));
        grid.addColumn(FollowUpLoop.Item::score).setHeader(context.message("follow-ups.score")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(item -> item.comment() == null ? "" : item.comment()).setHeader(context.message("follow-ups.comment"))
                .setFlexGrow(4).setTooltipGenerator(item -> item.comment() == null ? "" : item.comment());
        grid.addColumn(FollowUpLoop.Item::campaignName).setHeader(context.message("follow-ups.campaign"));
        grid.addColumn(FollowUpLoop.Item::assignee).setHeader(context.message("follow-ups.assignee"));
        grid.addComponentColumn(this::stateOf).setHeader(context.message("follow-ups.state")).setFlexGrow(2);
        grid.getColumns().forEach(column -> column.setResizable(true));
        grid.setItems(query -> loop.page(assignee(), openOnly.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> loop.count(assignee(), openOnly.getValue()));
        grid.setSizeFull();
        add(new H2(context.message("follow-ups.title")), new Paragraph(context.message("follow-ups.intro")), filters, empty, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return context.message("follow-ups.title");
    }

    private Long assignee() {
        if (everyone.getValue() && context.hasPermission(NpsPermissions.RESULTS)) {
            return null;
        }
        return context.currentUser().map(UserRef::id).orElse(-1L);
    }

    private com.vaadin.flow.component.Component stateOf(FollowUpLoop.Item item) {
        if (!item.open()) {
            return new com.vaadin.flow.component.html.Span(item.outcome() == null ? context.message("follow-ups.closed")
                    : context.message("follow-ups.closed-with", item.outcome()));
        }
        var close = new Button(context.message("follow-ups.close"), click -> openCloseDialog(item));
        close.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return close;
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        boolean none = loop.count(assignee(), openOnly.getValue()) == 0;
        empty.setText(context.message(openOnly.getValue() ? "follow-ups.none-open" : "follow-ups.none"));
        empty.setVisible(none);
        grid.setVisible(!none);
    }

    void openCloseDialog(FollowUpLoop.Item item) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(context.message("follow-ups.close-title", item.accountName()));
        var outcome = new TextArea(context.message("follow-ups.outcome"));
        outcome.setRequired(true);
        outcome.setMaxLength(2_000);
        outcome.setWidth("32rem");
        outcome.setHelperText(context.message("follow-ups.outcome-help"));
        var save = new Button(context.message("follow-ups.save"), click -> {
            if (outcome.getValue().isBlank()) {
                outcome.setErrorMessage(context.message("follow-ups.outcome-required"));
                outcome.setInvalid(true);
                return;
            }
            String by = context.currentUser().map(UserRef::username).orElse("?");
            var result = loop.close(item.answerId(), outcome.getValue(), by);
            String key = switch (result) {
                case CLOSED -> "follow-ups.closed-now";
                case ALREADY_CLOSED -> "follow-ups.already-closed";
                case NOT_ALLOWED -> "follow-ups.not-allowed";
            };
            var note = Notification.show(context.message(key), 4000, Notification.Position.BOTTOM_START);
            note.addThemeVariants(result == FollowUpLoop.Closing.NOT_ALLOWED ? NotificationVariant.LUMO_ERROR
                    : NotificationVariant.LUMO_SUCCESS);
            dialog.close();
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(context.message("follow-ups.cancel"), click -> dialog.close());
        dialog.add(new Paragraph(context.message("follow-ups.answer", item.score(), item.contactName(),
                item.comment() == null ? "—" : item.comment())), outcome);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        outcome.focus();
    }
}
