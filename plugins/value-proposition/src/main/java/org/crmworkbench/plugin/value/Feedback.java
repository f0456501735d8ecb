package org.crmworkbench.plugin.value;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.security.PermissionDeniedException;

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

    /**
     * The server refused the action: the user's role lacks the permission (an administrator may have
     * changed it since the view was opened). Nothing was changed.
     */
    public static void denied(PluginContext context, PermissionDeniedException e) {
        String name = e.permission().substring(e.permission().indexOf('.') + 1);
        error(context.message("feedback.denied", context.message("permission." + name)));
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
