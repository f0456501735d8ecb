package org.crmworkbench.ui.editing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.editing.NotAllowedException;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * How every editor deletes: a Delete button that asks first (naming the record and what goes with
 * it), deletes the version the user is looking at, and says so when someone changed it meanwhile.
 */
public final class Deleting {

    private Deleting() {
    }

    /**
     * @param form                the dialog or view the button sits in, for translations
     * @param name                what the record is called (when asked), shown in the question
     * @param consequenceKey      message key saying what else goes (or that it cannot be undone)
     * @param delete              calls the service with the version read; false when it was gone already
     * @param afterDelete         e.g. close the dialog and refresh the list
     */
    public static Button button(Component form, Supplier<String> name, String consequenceKey, BooleanSupplier delete,
                                Runnable afterDelete) {
        var button = new Button(form.getTranslation("action.delete"), VaadinIcon.TRASH.create());
        button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        button.addClickListener(click -> Confirm.destructive(form.getTranslation("delete.confirm", name.get()),
                form.getTranslation(consequenceKey), form.getTranslation("action.cancel"), form.getTranslation("action.delete"),
                () -> run(form, name.get(), delete, afterDelete)));
        return button;
    }

    private static void run(Component form, String name, BooleanSupplier delete, Runnable afterDelete) {
        try {
            boolean deleted = delete.getAsBoolean();
            afterDelete.run(); // first: a notification opened inside a dialog would close with it
            Notification.show(form.getTranslation(deleted ? "delete.done" : "delete.gone", name))
                    .addThemeVariants(deleted ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
        } catch (ConcurrentEditException e) {
            Notification.show(form.getTranslation("delete.changed-elsewhere",
                            e.changedBy() == null ? form.getTranslation("account.someone") : e.changedBy()),
                    8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_WARNING);
        } catch (NotAllowedException e) {
            error(form, form.getTranslation(e.messageKey()));
        } catch (InvalidInputException e) { // e.g. a product that orders use
            error(form, String.join(" ", e.errors().values().stream().map(form::getTranslation).distinct().toList()));
        }
    }

    private static void error(Component form, String text) {
        Notification.show(text, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
