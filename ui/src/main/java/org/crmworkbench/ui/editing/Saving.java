package org.crmworkbench.ui.editing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.editing.NotAllowedException;
import org.crmworkbench.ui.shell.DatabaseHealth;

import java.util.Map;

/**
 * How every edit dialog saves: clear the old field errors, let the service decide, show its verdict
 * next to the fields, and say who changed the record meanwhile on a stale save, or that the database
 * cannot be reached (the input stays in both cases).
 */
public final class Saving {

    private Saving() {
    }

    /**
     * @param form                 the dialog or form, to translate messages in the user's language
     * @param fields               field name (as in the record's data type) to its input component
     * @param changedElsewhereKey  message key with {0} for who changed the record
     * @param save                 calls the service
     * @return whether it was saved
     */
    public static boolean attempt(Component form, Map<String, ? extends HasValidation> fields, String changedElsewhereKey,
                                  Runnable save) {
        fields.values().forEach(field -> field.setInvalid(false));
        try {
            save.run();
            return true;
        } catch (InvalidInputException e) {
            FieldErrors.show(fields, e.errors(), form);
            var general = e.errors().entrySet().stream().filter(error -> !fields.containsKey(error.getKey()))
                    .map(error -> form.getTranslation(error.getValue())).distinct().toList();
            if (!general.isEmpty()) { // e.g. the account is no longer yours
                Notification.show(String.join(" ", general), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        } catch (NotAllowedException e) {
            Notification.show(form.getTranslation(e.messageKey()), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (ConcurrentEditException e) {
            Notification.show(form.getTranslation(changedElsewhereKey,
                            e.changedBy() == null ? form.getTranslation("account.someone") : e.changedBy()),
                    8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_WARNING);
        } catch (RuntimeException e) {
            if (!DatabaseHealth.notSaved(form, e)) {
                throw e;
            }
        }
        return false;
    }
}
