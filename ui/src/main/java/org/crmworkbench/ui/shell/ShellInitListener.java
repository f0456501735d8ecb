package org.crmworkbench.ui.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Applies the user's language to every new UI, and tells users plainly when an action needs a permission they lack. */
@Component
class ShellInitListener implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> UserLocale.apply(init.getUI()));
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new PermissionDeniedErrors()));
    }
}
