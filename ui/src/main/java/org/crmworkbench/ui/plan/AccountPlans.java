package org.crmworkbench.ui.plan;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.plan.Activity;
import org.crmworkbench.core.plan.ActivityData;
import org.crmworkbench.core.plan.Plan;
import org.crmworkbench.core.plan.PlanService;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The account editor's plan tab: the account's plans (period, objectives, evaluation) and, for the
 * selected plan, its activities — who does what, where, when — ticked off as they are done.
 */
public class AccountPlans extends VerticalLayout {

    final Grid<Plan> plansGrid = new Grid<>();
    final Button addPlan = new Button();
    final Paragraph empty = new Paragraph();
    final VerticalLayout selected = new VerticalLayout();
    final H4 planTitle = new H4();
    final Paragraph objectives = new Paragraph();
    final Button editPlan = new Button();
    final Button addActivity = new Button();
    final Grid<Activity> activities = new Grid<>();
    private final PlanService plans;
    private final long accountId;
    private final UserRef user;
    private final List<UserRef> users;
    private Plan current;

    public AccountPlans(PlanService plans, long accountId, UserRef user, List<UserRef> users) {
        this.plans = plans;
        this.accountId = accountId;
        this.user = user;
        this.users = users;
        setSizeFull();
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(UI.getCurrent().getLocale());
        addPlan.setText(getTranslation("plans.add"));
        addPlan.setIcon(VaadinIcon.PLUS.create());
        addPlan.addClickListener(click -> new PlanDialog(plans, accountId, null, user, this::refresh).open());
        plansGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        plansGrid.addColumn(p -> p.data().title()).setHeader(getTranslation("plan.title")).setFlexGrow(2);
        plansGrid.addColumn(p -> dates.format(p.data().periodStart()) + " – " + dates.format(p.data().periodEnd()))
                .setHeader(getTranslation("plan.period")).setAutoWidth(true);
        plansGrid.addColumn(p -> p.data().evaluationDate() == null ? "—" : dates.format(p.data().evaluationDate()))
                .setHeader(getTranslation("plan.evaluation-date")).setAutoWidth(true);
        plansGrid.addColumn(Plan::openActivities).setHeader(getTranslation("plan.open-activities")).setAutoWidth(true);
        plansGrid.setAllRowsVisible(true);
        plansGrid.addSelectionListener(selection -> show(selection.getFirstSelectedItem().orElse(null)));
        empty.setText(getTranslation("plans.empty"));

        editPlan.setText(getTranslation("plans.edit"));
        editPlan.setIcon(VaadinIcon.EDIT.create());
        editPlan.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        editPlan.addClickListener(click -> new PlanDialog(plans, accountId, current, user, this::refresh).open());
        addActivity.setText(getTranslation("plans.add-activity"));
        addActivity.setIcon(VaadinIcon.PLUS.create());
        addActivity.addClickListener(click ->
                new ActivityDialog(plans, current.id(), null, user, users, this::refreshActivities).open());
        activities.addComponentColumn(this::doneBox).setHeader(getTranslation("activity.done")).setWidth("6em").setFlexGrow(0);
        activities.addColumn(a -> a.data().what()).setHeader(getTranslation("activity.what")).setFlexGrow(3);
        activities.addColumn(Activity::whoName).setHeader(getTranslation("activity.who")).setAutoWidth(true);
        activities.addColumn(a -> a.data().place() == null ? "—" : a.data().place()).setHeader(getTranslation("activity.where"))
                .setAutoWidth(true);
        activities.addColumn(a -> dates.format(a.data().due())).setHeader(getTranslation("activity.when")).setAutoWidth(true);
        activities.addItemDoubleClickListener(click ->
                new ActivityDialog(plans, current.id(), click.getItem(), user, users, this::refreshActivities).open());
        var planHeader = new HorizontalLayout(planTitle, editPlan);
        planHeader.setAlignItems(FlexComponent.Alignment.BASELINE);
        selected.setPadding(false);
        selected.add(planHeader, objectives, addActivity, activities);
        selected.setVisible(false);
        add(addPlan, empty, plansGrid, selected);
        refresh();
    }

    void refresh() {
        // an account has a handful of plans: one query
        var list = plans.plans(accountId, user);
        plansGrid.setItems(list);
        empty.setVisible(list.isEmpty());
        plansGrid.setVisible(!list.isEmpty());
        var keep = current == null ? list.stream().findFirst()
                : list.stream().filter(p -> p.id() == current.id()).findFirst();
        keep.ifPresentOrElse(plan -> {
            plansGrid.select(plan);
            show(plan);
        }, () -> show(null));
    }

    private void show(Plan plan) {
        current = plan;
        selected.setVisible(plan != null);
        if (plan != null) {
            planTitle.setText(plan.data().title());
            objectives.setText(plan.data().objectives());
            refreshActivities();
        }
    }

    private void refreshActivities() {
        activities.setItems(plans.activities(current.id(), user));
    }

    private Checkbox doneBox(Activity activity) {
        var box = new Checkbox(activity.data().done());
        box.setAriaLabel(getTranslation("activity.done") + ": " + activity.data().what());
        box.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            var data = activity.data();
            try {
                plans.updateActivity(activity.id(), activity.version(),
                        new ActivityData(data.what(), data.whoId(), data.place(), data.due(), change.getValue()), user);
            } catch (ConcurrentEditException e) {
                Notification.show(getTranslation("plan.error.changed-elsewhere",
                                e.changedBy() == null ? getTranslation("account.someone") : e.changedBy()),
                        8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_WARNING);
            } catch (InvalidInputException e) { // e.g. the person it is assigned to has left: edit the activity
                Notification.show(e.errors().values().stream().map(this::getTranslation).distinct()
                        .collect(java.util.stream.Collectors.joining(" ")), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
            }
            refresh();
        });
        return box;
    }
}
