package org.crmworkbench.ui.editing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.csv.CsvDownloads;
import org.crmworkbench.core.audit.SecurityLog;

import java.util.function.Supplier;

/**
 * A "CSV" download link for a list: the export follows the list's current filter. The file itself is
 * written by the platform API's {@link CsvDownloads}, which plugins use for their lists too.
 */
public final class CsvDownload {

    private CsvDownload() {
    }

    /**
     * @param fileName file name offered to the browser
     * @param export   given the UI state taken under the session lock, writes the rows
     * @param snapshot takes what the export needs from the view (filters, user) under the session lock
     */
    public static <S> Anchor link(String label, String fileName, Supplier<S> snapshot, CsvDownloads.Export<S> export) {
        return link(label, fileName, snapshot, export, null, null);
    }

    /**
     * The same, and every download is written to the security log as an export by the user.
     *
     * @param log  the security log; null for none
     * @param user who exports
     */
    public static <S> Anchor link(String label, String fileName, Supplier<S> snapshot, CsvDownloads.Export<S> export,
                                  SecurityLog log, UserRef user) {
        Supplier<S> audited = log == null ? snapshot : audited(snapshot, log, user, fileName);
        var button = new Button(label, VaadinIcon.DOWNLOAD_ALT.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var anchor = new Anchor(CsvDownloads.handler(fileName, audited, export), "");
        anchor.add(button);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    /** The snapshot that writes "user exported file" to the security log when a download starts. */
    static <S> Supplier<S> audited(Supplier<S> snapshot, SecurityLog log, UserRef user, String fileName) {
        return () -> {
            log.record(SecurityLog.Kind.EXPORTED, user.username(), null, fileName);
            return snapshot.get();
        };
    }
}
