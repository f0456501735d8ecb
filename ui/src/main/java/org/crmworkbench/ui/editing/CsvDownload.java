package org.crmworkbench.ui.editing;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadEvent;
import org.crmworkbench.core.csv.CsvWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A "CSV" download link for a list: the export follows the list's current filter. UTF-8 with a byte
 * order mark so Excel reads accents right; {@code ;} as separator in Dutch (what Dutch Excel expects),
 * {@code ,} in English.
 */
public final class CsvDownload {

    private CsvDownload() {
    }

    /**
     * @param fileName file name offered to the browser
     * @param export   given the UI state taken under the session lock, writes the rows
     * @param snapshot takes what the export needs from the view (filters, user) under the session lock
     */
    public static <S> Anchor link(String label, String fileName, Supplier<S> snapshot, Export<S> export) {
        var button = new Button(label, VaadinIcon.DOWNLOAD_ALT.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var anchor = new Anchor((DownloadEvent event) -> {
            UI ui = event.getUI();
            var state = new Object() {
                S value;
                Locale locale;
            };
            ui.accessSynchronously(() -> {
                state.value = snapshot.get();
                state.locale = ui.getLocale();
            });
            event.setFileName(fileName);
            event.setContentType("text/csv; charset=UTF-8");
            char separator = "nl".equals(state.locale.getLanguage()) ? ';' : ',';
            try (var writer = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8))) {
                writer.write('\uFEFF');
                export.write(state.value, new CsvWriter(writer, separator), state.locale);
            }
        }, "");
        anchor.add(button);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    /**
     * Writes the rows of an export. It runs in the download request, outside the UI: translate with
     * the given locale ({@code getTranslation(locale, key)}), the UI's locale is not at hand there.
     */
    @FunctionalInterface
    public interface Export<S> {
        void write(S state, CsvWriter csv, Locale locale) throws IOException;
    }

    /** Pages through a list in chunks, so an export never holds the whole list in memory. */
    public static <T> void paged(int pageSize, PageSource<T> source, Consumer<T> row) {
        for (int offset = 0; ; offset += pageSize) {
            var page = source.page(offset, pageSize);
            page.forEach(row);
            if (page.size() < pageSize) {
                return;
            }
        }
    }

    /** One page of a list. */
    @FunctionalInterface
    public interface PageSource<T> {
        java.util.List<T> page(int offset, int limit);
    }
}
