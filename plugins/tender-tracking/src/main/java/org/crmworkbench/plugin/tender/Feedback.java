package org.crmworkbench.plugin.tender;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.crmworkbench.api.PluginContext;

import java.util.Map;

/** How the plugin's views tell users what happened: errors next to fields, notifications for the rest. */
public final class Feedback {

    private Feedback() {
    }

    /**
     * Shows each rejected field's message next to that field; messages for fields not on the form go
     * to an error notification.
     */
    public static void rejected(PluginContext context, InputRejectedException e, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> field.setInvalid(false));
        var other = new StringBuilder();
        e.errors().forEach((field, key) -> {
            var component = fields.get(field);
            if (component != null) {
                component.setErrorMessage(context.message(key));
                component.setInvalid(true);
            } else {
                other.append(other.isEmpty() ? "" : " ").append(context.message(key));
            }
        });
        if (!other.isEmpty()) {
            error(other.toString());
        }
    }

    /** Someone else changed or deleted the same thing; the view reloads what is stored. */
    public static void changedMeanwhile(PluginContext context) {
        error(context.message("feedback.changed-meanwhile"));
    }

    public static void error(String message) {
        var note = Notification.show(message, 6000, Notification.Position.BOTTOM_START);
        note.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void success(String message) {
        var note = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        note.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** The signed-in user's name for "changed by"; {@code ?} without one. */
    public static String by(PluginContext context) {
        return context.currentUser().map(u -> u.username()).orElse("?");
    }
}
