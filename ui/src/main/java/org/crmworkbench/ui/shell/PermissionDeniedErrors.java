package org.crmworkbench.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import org.crmworkbench.api.security.PermissionDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.BiFunction;

/**
 * The session's error handler: an action that the server refused for lack of a permission (a core or
 * plugin service calling {@code requirePermission}) tells the user so in their language, instead of the
 * generic error; every other error goes to Vaadin's default handling.
 */
final class PermissionDeniedErrors implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(PermissionDeniedErrors.class);

    private final ErrorHandler fallback;
    private final BiFunction<String, UI, String> label;

    /** @param label a permission's label in the UI's language, from its key */
    PermissionDeniedErrors(ErrorHandler fallback, BiFunction<String, UI, String> label) {
        this.fallback = fallback;
        this.label = label;
    }

    @Override
    public void error(ErrorEvent event) {
        var denied = denied(event.getThrowable());
        UI ui = UI.getCurrent();
        if (denied == null || ui == null) {
            fallback.error(event);
            return;
        }
        log.warn("Refused for lack of permission {}", denied.permission());
        Notification.show(ui.getTranslation("permission.denied", label.apply(denied.permission(), ui)), 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static PermissionDeniedException denied(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermissionDeniedException e) {
                return e;
            }
        }
        return null;
    }
}
