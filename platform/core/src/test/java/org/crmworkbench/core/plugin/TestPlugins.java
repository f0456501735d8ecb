package org.crmworkbench.core.plugin;

import org.crmworkbench.testplugins.addon.AddonTexts;
import org.crmworkbench.testplugins.base.BaseGreeting;
import org.crmworkbench.testplugins.failingstart.FailingStartPlugin;
import org.crmworkbench.testplugins.good.BrokenAccountTab;
import org.crmworkbench.testplugins.good.BrokenMetrics;
import org.crmworkbench.testplugins.good.BrokenTexts;
import org.crmworkbench.testplugins.good.GoodAccountTab;
import org.crmworkbench.testplugins.good.GoodDemoData;
import org.crmworkbench.testplugins.good.GoodMetrics;
import org.crmworkbench.testplugins.good.GoodPermissions;
import org.crmworkbench.testplugins.good.GoodTexts;
import org.crmworkbench.testplugins.good.GoodViews;
import org.crmworkbench.testplugins.good.GoodWidget;
import org.crmworkbench.testplugins.good.RecordingListener;
import org.crmworkbench.testplugins.good.ThrowingListener;
import org.crmworkbench.testplugins.noaccess.NoAccessViews;

import java.nio.file.Path;

/** The test plugins: one that works, several that break in different ways, and a base with an add-on that needs it. */
public final class TestPlugins {

    public static final String GOOD = "test-good";
    public static final String BAD_MIGRATION = "test-bad-migration";
    public static final String FAILING_START = "test-failing-start";
    public static final String NO_ACCESS = "test-no-access";
    public static final String INCOMPATIBLE = "test-incompatible";
    public static final String TICKING = "test-ticking";
    public static final String BROKEN_VIEW = "test-broken-view";
    public static final String BASE = "test-base";
    /** Depends on {@link #BASE}; its jar's name sorts before the base's. */
    public static final String ADDON = "test-addon";

    private TestPlugins() {
    }

    public static TestPluginJar good() {
        return TestPluginJar.plugin(GOOD).classesOf(GoodViews.class)
                .extension(GoodViews.class).extension(GoodWidget.class).extension(GoodPermissions.class)
                .extension(RecordingListener.class).extension(ThrowingListener.class).extension(GoodDemoData.class)
                .extension(GoodAccountTab.class).extension(BrokenAccountTab.class)
                .extension(GoodMetrics.class).extension(BrokenMetrics.class)
                .extension(GoodTexts.class).extension(BrokenTexts.class)
                .migration("V1__create_note.sql", """
                        CREATE TABLE note (
                            id   BIGINT       NOT NULL AUTO_INCREMENT,
                            text VARCHAR(200) NOT NULL,
                            CONSTRAINT pk_note PRIMARY KEY (id)
                        );
                        """)
                .migration("V2__create_event_log.sql", """
                        CREATE TABLE event_log (
                            account_id BIGINT      NOT NULL,
                            kind       VARCHAR(40) NOT NULL
                        );
                        """)
                .resource("i18n/test-good_en.properties", "menu.notes=Notes\nwidget.title=Notes count\ntab.notes=Notes\ntab.broken=Broken\nmetric.events=Events logged\ntexts.source=Test texts\nnotes.count={0,choice,0#no notes|1#one note|1<{0} notes}\n")
                .resource("i18n/test-good_nl.properties", "menu.notes=Notities\nwidget.title=Aantal notities\ntab.notes=Notities\ntab.broken=Kapot\nmetric.events=Gelogde gebeurtenissen\ntexts.source=Testteksten\nnotes.count={0,choice,0#geen notities|1#één notitie|1<{0} notities}\n");
    }

    /** A plugin whose one view ({@code /test-broken-view/boom}) throws in its constructor. */
    public static Path writeBrokenView(Path dir) {
        return TestPluginJar.plugin(BROKEN_VIEW).classesOf(org.crmworkbench.testplugins.brokenview.BrokenViews.class)
                .extension(org.crmworkbench.testplugins.brokenview.BrokenViews.class)
                .resource("i18n/test-broken-view_en.properties", "menu.boom=Boom\n")
                .writeTo(dir);
    }

    /** A plugin with two scheduled tasks: one writes a row into {@code tick} every 20 ms, one always throws. */
    public static Path writeTicking(Path dir) {
        return TestPluginJar.plugin(TICKING).classesOf(org.crmworkbench.testplugins.ticking.TickingTask.class)
                .extension(org.crmworkbench.testplugins.ticking.TickingTask.class)
                .extension(org.crmworkbench.testplugins.ticking.ThrowingTask.class)
                .migration("V1__create_tick.sql", "CREATE TABLE tick (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);\n")
                .writeTo(dir);
    }

    /** A plugin whose class {@link BaseGreeting} its dependents use. */
    public static TestPluginJar base() {
        return TestPluginJar.plugin(BASE).classesOf(BaseGreeting.class);
    }

    /** A plugin that depends on {@link #BASE} and offers a reusable text written by a class of the base. */
    public static TestPluginJar addon() {
        return TestPluginJar.plugin(ADDON).dependencies(BASE).classesOf(AddonTexts.class).extension(AddonTexts.class);
    }

    public static Path writeGood(Path dir) {
        return good().writeTo(dir);
    }

    public static Path writeBroken(Path dir) {
        TestPluginJar.plugin(BAD_MIGRATION)
                .migration("V1__broken.sql", "CREATE TABLE ok_table (id INT);\nCREATE TABEL broken (id INT);")
                .writeTo(dir);
        TestPluginJar.plugin(FAILING_START).classesOf(FailingStartPlugin.class).pluginClass(FailingStartPlugin.class)
                .writeTo(dir);
        TestPluginJar.plugin(NO_ACCESS).classesOf(NoAccessViews.class).extension(NoAccessViews.class).writeTo(dir);
        return TestPluginJar.plugin(INCOMPATIBLE).requires(">=2.0.0 & <3.0.0").writeTo(dir);
    }
}
