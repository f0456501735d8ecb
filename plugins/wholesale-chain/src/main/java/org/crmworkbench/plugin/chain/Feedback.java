package org.crmworkbench.plugin.chain;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.HasValidator;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.binder.ValueContext;
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
     * Marks the fields holding text the browser could not read as their type (a number or a date that
     * is not one), which they report as an empty value: such input must not be saved as "empty".
     *
     * @return whether any field was unreadable; then nothing should be saved
     */
    public static boolean unreadable(PluginContext context, Component... fields) {
        boolean any = false;
        for (Component field : fields) {
            if (field instanceof HasValidator<?> && field instanceof HasValidation validation && readError(field)) {
                validation.setErrorMessage(context.message("feedback.unreadable"));
                validation.setInvalid(true);
                any = true;
            }
        }
        return any;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean readError(Component field) {
        var validator = (Validator) ((HasValidator<?>) field).getDefaultValidator();
        var result = (ValidationResult) validator.apply(((HasValue<?, ?>) field).getValue(), new ValueContext(field, (HasValue<?, ?>) field));
        return result.isError();
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
