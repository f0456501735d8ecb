package org.crmworkbench.ui.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Keeps a sign-in that waits for its second-factor code on {@link SecondFactorView}: every other
 * route (but the login page) goes there, and the code page sends a completed sign-in home.
 */
@Component
class SecondFactorGate implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(SecondFactorGate::route));
    }

    static void route(BeforeEnterEvent event) {
        boolean pending = SecondFactor.isPending(SecurityContextHolder.getContext().getAuthentication());
        Class<?> target = event.getNavigationTarget();
        if (pending && target != SecondFactorView.class && target != LoginView.class) {
            event.forwardTo(SecondFactorView.class);
        } else if (!pending && target == SecondFactorView.class) {
            event.forwardTo("");
        }
    }
}
