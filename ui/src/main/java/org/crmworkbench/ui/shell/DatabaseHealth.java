package org.crmworkbench.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.shared.Registration;
import org.crmworkbench.db.CrmDatabase;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Whether the database can be reached. A query that failed for want of a connection marks it down;
 * from then on a background check ({@code select 1}, bounded by the pool's 3 s connection timeout)
 * runs every {@link #RECHECK} until the database answers again. The shell's banner of every open UI
 * listens to both changes. Nothing is polled while the database is up.
 */
@org.springframework.stereotype.Component
public class DatabaseHealth implements AutoCloseable {

    static final Duration RECHECK = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final CrmDatabase database;
    private final AtomicBoolean down = new AtomicBoolean();
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(run -> {
        var thread = new Thread(run, "crm-database-health");
        thread.setDaemon(true);
        return thread;
    });

    DatabaseHealth(CrmDatabase database) {
        this.database = database;
    }

    public boolean isDown() {
        return down.get();
    }

    /**
     * Takes note of a failure: when it is a lost or refused database connection, marks the database
     * down (once; the stack trace is not logged, it says nothing new) and returns true; for any other
     * failure returns false and changes nothing.
     */
    public boolean report(Throwable failure) {
        if (!isConnectionFailure(failure)) {
            return false;
        }
        if (down.compareAndSet(false, true)) {
            log.warn("The database cannot be reached ({}); checking again every {} s", innermost(failure).getMessage(),
                    RECHECK.toSeconds());
            listeners.forEach(listener -> listener.accept(true));
            scheduleCheck();
        }
        return true;
    }

    /**
     * For a save that threw: when the database could not be reached, tells the user that nothing was
     * saved and the input stays (the shell shows its banner) and returns true; otherwise returns false
     * and the caller rethrows.
     */
    public static boolean notSaved(Component form, RuntimeException failure) {
        var health = VaadinService.getCurrent().getInstantiator().getOrCreate(DatabaseHealth.class);
        if (!health.report(failure)) {
            return false;
        }
        Notification.show(form.getTranslation("database.down.not-saved"), 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
        return true;
    }

    /**
     * Whether the database answers now ({@code select 1} within 2 s), for the readiness probe. While it is
     * known to be down the answer is no at once (the background check tells when it is back); a lost
     * connection found here marks it down.
     */
    public boolean answers() {
        if (isDown()) {
            return false;
        }
        try {
            database.dsl().selectOne().queryTimeout(QUERY_TIMEOUT_SECONDS).fetch();
            return true;
        } catch (RuntimeException e) {
            report(e);
            return false;
        }
    }

    /** Hears {@code true} when the database goes down and {@code false} when it is back, on any thread. */
    Registration onChange(Consumer<Boolean> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** A lost, refused or timed-out connection anywhere in the cause chain (SQL state class 08 included). */
    static boolean isConnectionFailure(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private void scheduleCheck() {
        if (!checks.isShutdown()) {
            checks.schedule(this::check, RECHECK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        if (!reachable()) {
            scheduleCheck();
            return;
        }
        down.set(false);
        log.info("The database can be reached again");
        listeners.forEach(listener -> listener.accept(false));
    }

    private boolean reachable() {
        try {
            database.dsl().selectOne().queryTimeout(QUERY_TIMEOUT_SECONDS).fetch();
            return true;
        } catch (RuntimeException e) { // whatever fails, try again later: the banner must not stick
            return false;
        }
    }

    private static Throwable innermost(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause.getCause() != null && depth < 20; depth++) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
