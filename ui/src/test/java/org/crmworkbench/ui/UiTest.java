package org.crmworkbench.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browserless UI tests: one Spring context (and so one embedded MariaDB) for all of
 * them, on a data folder that is emptied once per test JVM, with the bundled plugins of this build.
 */
@SpringBootTest
@ViewPackages(packages = "org.crmworkbench.ui")
public abstract class UiTest extends SpringBrowserlessTest {

    static final Path DATA_DIR = freshDataDir();

    @DynamicPropertySource
    static void workbench(DynamicPropertyRegistry registry) {
        registry.add("crm.data-dir", DATA_DIR::toString);
        registry.add("crm.db.embedded-port", () -> "0");
        registry.add("crm.bundled-plugins-dir", () -> Path.of("target", "test-plugins").toAbsolutePath().toString());
        registry.add("crm.demo-data", () -> "true");
        registry.add("crm.plugins.poll-interval", () -> "500ms"); // PluginChangesOfOtherNodesTest waits for it
    }

    /**
     * Waits for work a view runs off the UI thread: the test holds the session lock, so it releases it
     * now and then to let the queued {@code ui.access} tasks run, until {@code busy} turns false.
     */
    protected void awaitBackground(BooleanSupplier busy) throws InterruptedException {
        var session = VaadinSession.getCurrent();
        for (int i = 0; i < 200 && busy.getAsBoolean(); i++) {
            session.unlock();
            Thread.sleep(50);
            session.lock();
            roundTrip();
        }
        assertThat(busy.getAsBoolean()).as("background work finished").isFalse();
    }

    private static Path freshDataDir() {
        return TestFolders.emptied(Path.of("target", "ui-test-data").toAbsolutePath());
    }
}
