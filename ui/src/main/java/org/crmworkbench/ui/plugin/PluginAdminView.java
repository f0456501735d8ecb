package org.crmworkbench.ui.plugin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.PluginInfo;
import org.crmworkbench.core.plugin.PluginRejectedException;
import org.crmworkbench.core.plugin.PluginStatus;
import org.crmworkbench.core.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Plugin admin: every plugin with version, provider, state, schema and last error; enable, disable,
 * uninstall and upload without a restart. ADMIN only.
 */
@Route("admin/plugins")
@RolesAllowed("ADMIN")
public class PluginAdminView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_JAR_BYTES = 50 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(PluginAdminView.class);

    final Grid<PluginInfo> grid = new Grid<>();
    final Upload upload;
    final UploadHandler uploadHandler;
    final Button scan = new Button();
    final Paragraph empty = new Paragraph();
    private final PluginHost host;
    private final SecurityLog securityLog;
    private final CurrentUser currentUser;

    public PluginAdminView(PluginHost host, SecurityLog securityLog, CurrentUser currentUser) {
        this.host = host;
        this.securityLog = securityLog;
        this.currentUser = currentUser;
        setSizeFull();
        add(new H2(getTranslation("plugins.title")),
                new Paragraph(getTranslation("plugins.intro", host.pluginsDir().toString())));

        uploadHandler = boundedJarUpload();
        upload = new Upload(uploadHandler);
        upload.setAcceptedFileTypes(".jar");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_JAR_BYTES);
        upload.setUploadButton(new Button(getTranslation("plugins.upload")));
        upload.addFileRejectedListener(rejected -> error(getTranslation("plugins.upload.rejected-file", rejected.getErrorMessage())));

        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(PluginInfo::id).setHeader(getTranslation("plugins.id")).setSortable(true).setAutoWidth(true);
        grid.addColumn(info -> dash(info.version())).setHeader(getTranslation("plugins.version")).setAutoWidth(true);
        grid.addColumn(info -> dash(info.provider())).setHeader(getTranslation("plugins.provider")).setAutoWidth(true);
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("plugins.state")).setAutoWidth(true);
        grid.addColumn(info -> info.schema() == null ? "—" : info.schema() + " (" + dash(info.schemaVersion()) + ")")
                .setHeader(getTranslation("plugins.schema")).setAutoWidth(true);
        grid.addColumn(info -> dash(info.lastError())).setHeader(getTranslation("plugins.last-error")).setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("plugins.actions")).setAutoWidth(true).setFlexGrow(0);
        empty.setText(getTranslation("plugins.empty"));

        scan.setText(getTranslation("plugins.scan"));
        scan.setTooltipText(getTranslation("plugins.scan.tooltip", host.pluginsDir().toString()));
        scan.addClickListener(click -> loadNew());

        var install = new HorizontalLayout(upload, scan);
        install.setAlignItems(FlexComponent.Alignment.START);
        add(install, empty, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.plugins") + " | " + getTranslation("app.name");
    }

    void refresh() {
        var plugins = host.plugins();
        grid.setItems(plugins);
        empty.setVisible(plugins.isEmpty());
    }

    /**
     * Writes an upload to a temporary file and installs it, refusing more than {@link #MAX_JAR_BYTES}
     * on the server: the upload component's own limit is only told to the browser, and a forged request
     * could declare a small size and send more.
     */
    private UploadHandler boundedJarUpload() {
        return new UploadHandler() {
            @Override
            public void handleUploadRequest(UploadEvent event) throws IOException {
                UI ui = event.getUI();
                if (event.getFileSize() > MAX_JAR_BYTES) {
                    refuse(event, ui);
                    return;
                }
                Path file = Files.createTempFile("crm-plugin-upload-", ".jar");
                long written = 0;
                try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int read = in.read(buffer); read >= 0 && written <= MAX_JAR_BYTES; read = in.read(buffer)) {
                        out.write(buffer, 0, read);
                        written += read;
                    }
                } catch (IOException | RuntimeException e) {
                    deleteQuietly(file);
                    throw e;
                }
                if (written > MAX_JAR_BYTES) {
                    deleteQuietly(file);
                    refuse(event, ui);
                    return;
                }
                try {
                    ui.access(() -> installUpload(file));
                } catch (UIDetachedException closed) { // the page was closed meanwhile: install nothing
                    deleteQuietly(file);
                }
            }

            private void refuse(UploadEvent event, UI ui) {
                event.reject("too large");
                ui.access(() -> {
                    upload.clearFileList();
                    error(getTranslation("plugins.upload.too-large", MAX_JAR_BYTES / (1024 * 1024)));
                });
            }

            @Override
            public long getRequestSizeMax() {
                return MAX_JAR_BYTES + 64L * 1024; // room for a multipart request's headers
            }

            @Override
            public long getFileSizeMax() {
                return MAX_JAR_BYTES;
            }
        };
    }

    /** Installs an uploaded jar; a rejected jar leaves everything as it was. */
    void installUpload(Path jar) {
        try {
            PluginInfo info = host.install(jar);
            logged(SecurityLog.Kind.PLUGIN_INSTALLED, info.id() + " " + info.version() + " (" + info.status() + ")");
            if (info.status() == PluginStatus.ENABLED) {
                success(getTranslation("plugins.installed", info.id(), info.version()));
            } else {
                error(getTranslation("plugins.installed-failed", info.id(), info.lastError()));
            }
        } catch (PluginRejectedException e) {
            error(getTranslation(e.messageKey(), e.arguments()));
        } catch (RuntimeException e) {
            log.error("Installing an uploaded plugin failed", e);
            error(getTranslation("plugins.upload.failed", e.getMessage()));
        } finally {
            deleteQuietly(jar);
            upload.clearFileList();
            refresh();
        }
    }

    /** Loads the jars copied into the plugins folder since the start, as the workbench does at start-up. */
    void loadNew() {
        try {
            int before = host.plugins().size();
            List<String> loaded = host.loadNew();
            if (!loaded.isEmpty()) {
                logged(SecurityLog.Kind.PLUGINS_LOADED, String.join(", ", loaded));
            }
            if (loaded.isEmpty() && host.plugins().size() > before) {
                error(getTranslation("plugins.scan.unreadable"));
            } else if (loaded.isEmpty()) {
                success(getTranslation("plugins.scan.none", host.pluginsDir().toString()));
            } else {
                success(getTranslation("plugins.scan.loaded", String.join(", ", loaded)));
            }
        } catch (RuntimeException e) {
            log.error("Loading new plugin jars failed", e);
            error(getTranslation("plugins.scan.failed", e.getMessage()));
        } finally {
            refresh();
        }
    }

    void enable(PluginInfo info) {
        act(info, () -> {
            host.enable(info.id());
            logged(SecurityLog.Kind.PLUGIN_ENABLED, info.id());
            var now = host.find(info.id());
            if (now.map(PluginInfo::status).orElse(PluginStatus.FAILED) == PluginStatus.ENABLED) {
                success(getTranslation("plugins.enabled", info.id()));
            } else {
                error(getTranslation("plugins.enable-failed", info.id(),
                        now.map(PluginInfo::lastError).orElse(getTranslation("plugins.not-loadable"))));
            }
        });
    }

    void disable(PluginInfo info) {
        act(info, () -> {
            host.disable(info.id());
            logged(SecurityLog.Kind.PLUGIN_DISABLED, info.id());
            success(getTranslation("plugins.disabled", info.id()));
        });
    }

    void uninstall(PluginInfo info, boolean dropSchema) {
        act(info, () -> {
            host.uninstall(info.id(), dropSchema);
            logged(SecurityLog.Kind.PLUGIN_UNINSTALLED, info.id() + (dropSchema ? " (schema dropped)" : " (schema kept)"));
            success(getTranslation(dropSchema ? "plugins.uninstalled-dropped" : "plugins.uninstalled-kept",
                    info.id(), info.schema()));
        });
    }

    /** Runs an admin action; whatever goes wrong is shown, logged, and the list shows the state after it. */
    private void act(PluginInfo info, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.error("Plugin action on {} failed", info.id(), e);
            error(getTranslation("plugins.action-failed", info.id(), e.getMessage()));
        }
        refreshPage();
    }

    private HorizontalLayout actions(PluginInfo info) {
        var actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (host.find(info.id()).isEmpty()) {
            return actions; // a jar that could not be loaded: replace or remove it in the plugins folder
        }
        if (info.status() == PluginStatus.ENABLED) {
            actions.add(small(getTranslation("plugins.disable"), () -> disable(info)));
        } else {
            actions.add(small(getTranslation(info.status() == PluginStatus.FAILED ? "plugins.retry" : "plugins.enable"),
                    () -> enable(info)));
        }
        var remove = small(getTranslation("plugins.uninstall"), () -> new UninstallDialog(info, this::uninstall).open());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(remove);
        return actions;
    }

    private Span statusBadge(PluginInfo info) {
        var badge = new Span(getTranslation("plugins.state." + info.status().name().toLowerCase()));
        badge.getElement().getThemeList().add("badge " + switch (info.status()) {
            case ENABLED -> "success";
            case DISABLED -> "contrast";
            case FAILED -> "error";
        });
        return badge;
    }

    private static Button small(String text, Runnable action) {
        var button = new Button(text, click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /** The menu lists plugin views: reload so it follows the change. */
    private void refreshPage() {
        refresh();
        UI.getCurrent().navigate(PluginAdminView.class);
    }

    private static String dash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private void logged(SecurityLog.Kind kind, String detail) {
        var request = VaadinRequest.getCurrent();
        securityLog.record(kind, currentUser.user().map(UserRef::username).orElse(null),
                request == null ? null : request.getRemoteAddr(), detail);
    }

    private static void success(String message) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String message) {
        var notification = Notification.show(message, 10000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the uploaded file {}: {}", file, e.getMessage());
        }
    }
}
