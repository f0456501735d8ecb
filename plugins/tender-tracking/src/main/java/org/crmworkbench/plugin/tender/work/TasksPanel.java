package org.crmworkbench.plugin.tender.work;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.Controls;
import org.crmworkbench.plugin.tender.Feedback;
import org.crmworkbench.plugin.tender.Formats;
import org.crmworkbench.plugin.tender.InputRejectedException;
import org.crmworkbench.plugin.tender.register.Authorities;

import java.time.LocalDate;
import java.util.Map;

/** The bid team's tasks on a tender, with due dates: open ones first, overdue ones marked. */
public final class TasksPanel extends VerticalLayout {

    final Grid<BidWork.Task> grid = new Grid<>();
    final TextField title = new TextField();
    final ComboBox<Authorities.User> assignee = new ComboBox<>();
    final DatePicker due = new DatePicker();
    private final BidWork work;
    private final long tenderId;

    public TasksPanel(PluginContext context, long tenderId, boolean editor) {
        this.tenderId = tenderId;
        this.work = new BidWork(context.dsl(), context::requirePermission);
        setPadding(false);
        var locale = context.locale();
        LocalDate today = LocalDate.now(context.clock());
        grid.addComponentColumn(t -> {
            var done = new Checkbox(t.done());
            done.setAriaLabel(context.message("task.done"));
            done.setReadOnly(!editor);
            done.addValueChangeListener(change -> {
                try {
                    work.setDone(tenderId, t.id(), change.getValue());
                } catch (PermissionDeniedException e) {
                    Feedback.denied(context, e);
                } catch (ChangedMeanwhileException e) {
                    Feedback.changedMeanwhile(context);
                }
                refresh();
            });
            return done;
        }).setHeader(context.message("task.done")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(BidWork.Task::title).setHeader(context.message("task.title")).setFlexGrow(3);
        grid.addColumn(t -> t.assigneeName() == null ? "" : t.assigneeName()).setHeader(context.message("task.assignee")).setAutoWidth(true);
        grid.addColumn(t -> Formats.date(t.due(), locale) + (!t.done() && t.due().isBefore(today) ? " · " + context.message("task.overdue") : ""))
                .setHeader(context.message("task.due")).setAutoWidth(true);
        if (editor) {
            grid.addComponentColumn(t -> Controls.icon(context, VaadinIcon.TRASH, "task.delete", () -> {
                work.deleteTask(tenderId, t.id());
                refresh();
            })).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(context.message("task.none"));
        title.setPlaceholder(context.message("task.title"));
        title.setAriaLabel(context.message("task.title"));
        title.setWidth("20rem");
        assignee.setItems(new Authorities(context.dsl()).activeUsers());
        assignee.setItemLabelGenerator(Authorities.User::name);
        assignee.setPlaceholder(context.message("task.assignee"));
        assignee.setAriaLabel(context.message("task.assignee"));
        assignee.setClearButtonVisible(true);
        due.setPlaceholder(context.message("task.due"));
        due.setAriaLabel(context.message("task.due"));
        due.setLocale(locale);
        Runnable add = () -> {
            if (Feedback.unreadable(context, due)) {
                return;
            }
            try {
                work.addTask(tenderId, title.getValue(), assignee.getValue() == null ? null : assignee.getValue().id(), due.getValue());
                title.clear();
                refresh();
                title.focus();
            } catch (InputRejectedException e) {
                Feedback.rejected(context, e, Map.of("title", title, "due", due));
            } catch (PermissionDeniedException e) {
                Feedback.denied(context, e);
            } catch (ChangedMeanwhileException e) {
                Feedback.changedMeanwhile(context);
                refresh();
            }
        };
        title.addKeyPressListener(Key.ENTER, enter -> add.run());
        var addButton = new Button(context.message("task.add"), VaadinIcon.PLUS.create(), click -> add.run());
        var row = new HorizontalLayout(title, assignee, due, addButton);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        row.setVisible(editor);
        add(row, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(work.tasks(tenderId));
    }
}
