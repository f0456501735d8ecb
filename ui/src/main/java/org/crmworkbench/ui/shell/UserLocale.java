package org.crmworkbench.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import org.crmworkbench.ui.security.CrmUserDetails;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Locale;

/**
 * The language of a UI: the one chosen in this session with the language switch, else the signed-in
 * user's stored preference, else what the browser asked for.
 */
final class UserLocale {

    private static final String CHOSEN = UserLocale.class.getName() + ".chosen";

    private UserLocale() {
    }

    static void choose(UI ui, Locale locale) {
        ui.getSession().setAttribute(CHOSEN, locale);
        ui.getSession().setLocale(locale);
        ui.setLocale(locale);
    }

    static void apply(UI ui) {
        VaadinSession session = ui.getSession();
        if (session.getAttribute(CHOSEN) instanceof Locale chosen) {
            ui.setLocale(chosen);
        } else if (SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof CrmUserDetails user) {
            ui.setLocale(user.locale());
        }
    }
}
