package org.crmworkbench.ui.plan;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.plan.Activity;
import org.crmworkbench.core.plan.ActivityData;
import org.crmworkbench.core.plan.PlanService;
import org.crmworkbench.ui.editing.Saving;

import java.util.List;
import java.util.Map;
import org.crmworkbench.ui.editing.MaxLength;

/** Adds or edits an activity of an account plan: who does what, where and when. */
final class ActivityDialog extends Dialog {

    final TextField what = new TextField();
    final Select<UserRef> who = new Select<>();
    final TextField place = new TextField();
    final DatePicker due = new DatePicker();
    final Checkbox done = new Checkbox();
    final Button save = new Button();

    ActivityDialog(PlanService plans, long planId, Activity existing, UserRef user, List<UserRef> users, Runnable onSaved) {
        setHeaderTitle(getTranslation(existing == null ? "plans.add-activity" : "plans.edit-activity"));
        what.setLabel(getTranslation("activity.what"));
        MaxLength.of(what, 300);
        what.setRequiredIndicatorVisible(true);
        who.setLabel(getTranslation("activity.who"));
        who.setItems(users);
        who.setItemLabelGenerator(UserRef::displayName);
        place.setLabel(getTranslation("activity.where"));
        MaxLength.of(place, 200);
        due.setLabel(getTranslation("activity.when"));
        due.setLocale(UI.getCurrent().getLocale());
        done.setLabel(getTranslation("activity.done"));
        if (existing == null) {
            who.setValue(users.stream().filter(u -> u.id() == user.id()).findFirst().orElse(null));
        } else {
            var data = existing.data();
            what.setValue(data.what());
            who.setValue(users.stream().filter(u -> u.id() == data.whoId()).findFirst().orElse(null));
            place.setValue(data.place() == null ? "" : data.place());
            due.setValue(data.due());
            done.setValue(data.done());
        }
        Map<String, HasValidation> fields = Map.of("what", what, "whoId", who, "place", place, "due", due);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            var data = new ActivityData(what.getValue(), who.getValue() == null ? null : who.getValue().id(), place.getValue(),
                    due.getValue(), done.getValue());
            if (Saving.attempt(this, fields, "plan.error.changed-elsewhere", () -> {
                if (existing == null) {
                    plans.addActivity(planId, data, user);
                } else {
                    plans.updateActivity(existing.id(), existing.version(), data, user);
                }
            })) {
                close();
                onSaved.run();
            }
        });
        var form = new FormLayout(what, who, place, due, done);
        form.setColspan(what, 2);
        add(form);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }
}
