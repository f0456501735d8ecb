package org.crmworkbench.api.csv;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * CSV uploads read into memory with a size limit that holds on the server. {@code Upload.setMaxFileSize}
 * only tells the browser; a forged request can still send any amount, and Vaadin's own in-memory
 * handler reads it all. This one reads at most the limit (plus one byte to notice more) and refuses
 * the rest. Give it to {@code Upload.setUploadHandler}, and keep {@code setMaxFileSize} for the
 * browser's early refusal.
 *
 * @since 1.6
 */
public final class CsvUploads {

    private CsvUploads() {
    }

    /**
     * @param maxBytes   the largest file accepted
     * @param onRead     gets the file's bytes, on the UI thread (through {@code UI.access})
     * @param onTooLarge says so to the user, on the UI thread; nothing of the file is kept
     */
    public static UploadHandler inMemory(int maxBytes, Consumer<byte[]> onRead, Runnable onTooLarge) {
        return new UploadHandler() {
            @Override
            public void handleUploadRequest(UploadEvent event) throws IOException {
                UI ui = event.getUI();
                if (event.getFileSize() > maxBytes) { // declared too large: do not read it
                    event.reject("too large");
                    ui.access(onTooLarge::run);
                    return;
                }
                byte[] bytes;
                try (InputStream in = event.getInputStream()) {
                    bytes = in.readNBytes(maxBytes + 1);
                }
                if (bytes.length > maxBytes) {
                    event.reject("too large");
                    ui.access(onTooLarge::run);
                    return;
                }
                ui.access(() -> onRead.accept(bytes));
            }

            @Override
            public long getRequestSizeMax() {
                return maxBytes + 64L * 1024; // room for a multipart request's headers
            }

            @Override
            public long getFileSizeMax() {
                return maxBytes;
            }
        };
    }
}
