package org.crmworkbench.api.csv;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * CSV downloads of a list, the way the workbench's own lists export: UTF-8 with a byte order mark
 * (so Excel reads accents right), {@code ;} as separator in Dutch (what Dutch Excel expects),
 * {@code ,} otherwise. Give the handler to an {@code Anchor} with the {@code download} attribute.
 *
 * @since 1.2
 */
public final class CsvDownloads {

    private CsvDownloads() {
    }

    /**
     * A download handler that writes a list as CSV.
     *
     * @param fileName file name offered to the browser
     * @param snapshot takes what the export needs from the view (filters, sort, user) under the
     *                 session lock, when the download starts
     * @param export   writes the rows, in the download request outside the UI thread
     */
    public static <S> DownloadHandler handler(String fileName, Supplier<S> snapshot, Export<S> export) {
        return (DownloadEvent event) -> {
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
            try (var writer = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8))) {
                writer.write('\uFEFF');
                export.write(state.value, new CsvWriter(writer, separator(state.locale)), state.locale);
            }
        };
    }

    /** {@code ;} for Dutch, {@code ,} for other languages. */
    public static char separator(Locale locale) {
        return "nl".equals(locale.getLanguage()) ? ';' : ',';
    }

    /**
     * Writes the rows of an export. It runs in the download request, outside the UI: use the given
     * locale for labels and numbers, the UI's is not at hand there.
     */
    @FunctionalInterface
    public interface Export<S> {
        void write(S state, CsvWriter csv, Locale locale) throws IOException;
    }

    /** Pages through a list in chunks, so an export never holds the whole list in memory. */
    public static <T> void paged(int pageSize, PageSource<T> source, Consumer<T> row) {
        for (int offset = 0; ; offset += pageSize) {
            List<T> page = source.page(offset, pageSize);
            page.forEach(row);
            if (page.size() < pageSize) {
                return;
            }
        }
    }

    /** One page of a list. */
    @FunctionalInterface
    public interface PageSource<T> {
        List<T> page(int offset, int limit);
    }
}
