package org.crmworkbench.ui.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The shell's notice that the database cannot be reached, shown for as long as it is down. The app
 * has no server push, so while the banner shows the UI polls; that lets it disappear by itself.
 */
final class DatabaseOutageBanner extends Div {

    static final String ID = "database-outage";
    static final int POLL_MILLIS = 2_000;

    private final DatabaseHealth health;
    private Registration registration;

    DatabaseOutageBanner(DatabaseHealth health) {
        this.health = health;
        setId(ID);
        setText(getTranslation("database.down.banner"));
        getElement().setAttribute("role", "alert");
        addClassNames(LumoUtility.Background.ERROR_10, LumoUtility.TextColor.ERROR, LumoUtility.Padding.Horizontal.MEDIUM,
                LumoUtility.Padding.Vertical.SMALL, LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Width.FULL);
        setVisible(false);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        registration = health.onChange(down -> {
            try {
                ui.access(() -> show(ui, down));
            } catch (UIDetachedException e) {
                // the UI closed meanwhile; onDetach removes this listener
            }
        });
        show(ui, health.isDown());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        registration.remove();
    }

    private void show(UI ui, boolean down) {
        setVisible(down);
        if (down) {
            ui.setPollInterval(POLL_MILLIS);
        } else if (ui.getPollInterval() == POLL_MILLIS) { // a view's own background poll stays
            ui.setPollInterval(-1);
        }
    }
}
