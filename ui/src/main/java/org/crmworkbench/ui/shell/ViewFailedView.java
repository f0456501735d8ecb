package org.crmworkbench.ui.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.crmworkbench.core.plugin.PluginHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a user sees when a view throws while it is opened: an error panel inside the shell (menu and
 * header stay, the rest of the workbench keeps working), naming the plugin when the view is a
 * plugin's; no stack trace, which goes to the server log. When the database cannot be reached it
 * says so instead (the shell shows its banner too).
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class ViewFailedView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ViewFailedView.class);

    private final PluginHost host;
    private final DatabaseHealth health;
    final Paragraph message = new Paragraph();

    public ViewFailedView(PluginHost host, DatabaseHealth health) {
        this.host = host;
        this.health = health;
        message.setId("view-failed");
        add(new H2(getTranslation("view-failed.title")), message);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String path = event.getLocation().getPath();
        if (health.report(parameter.getCaughtException())) {
            log.warn("Opening /{} failed: the database cannot be reached", path);
            message.setText(getTranslation("database.down.view"));
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        log.error("Opening /{} failed", path, parameter.getCaughtException());
        String first = event.getLocation().getFirstSegment();
        message.setText(host.startedPlugin(first).isPresent()
                ? getTranslation("view-failed.plugin", first)
                : getTranslation("view-failed.core"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
