package org.crmworkbench.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;

/**
 * What happens to an action that threw (a click, a grid that loads): a lost database connection
 * becomes the outage banner plus a short notice that the input stays, never a stack trace; anything
 * else goes to Vaadin's default handling (the server log).
 */
final class OutageAwareErrorHandler implements ErrorHandler {

    private final DatabaseHealth health;
    private final ErrorHandler otherwise = new DefaultErrorHandler();

    OutageAwareErrorHandler(DatabaseHealth health) {
        this.health = health;
    }

    @Override
    public void error(ErrorEvent event) {
        if (!health.report(event.getThrowable())) {
            otherwise.error(event);
            return;
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notification.show(ui.getTranslation("database.down.action-failed"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
