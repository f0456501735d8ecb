package org.crmworkbench.ui.monitoring;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.PluginStatus;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The workbench's own meters, next to Spring Boot's (HTTP requests, JVM, Tomcat sessions) and the
 * connection pools': {@code crm.plugins} by {@code state} (ENABLED, DISABLED, FAILED on this node; in
 * Prometheus {@code crm_plugins{state="ENABLED"}}) and {@code crm.sessions}, the Vaadin sessions open on
 * this node. Both are read when scraped and never wait for a plugin operation under way.
 */
@Component
class WorkbenchMetrics implements MeterBinder, VaadinServiceInitListener {

    private final PluginHost host;
    private final AtomicInteger sessions = new AtomicInteger();

    WorkbenchMetrics(PluginHost host) {
        this.host = host;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (PluginStatus status : PluginStatus.values()) {
            Gauge.builder("crm.plugins", host, plugins -> plugins.statusCounts().get(status))
                    .tag("state", status.name())
                    .description("Plugins installed on this node, by state")
                    .register(registry);
        }
        Gauge.builder("crm.sessions", sessions, AtomicInteger::get)
                .description("Vaadin sessions open on this node")
                .strongReference(true)
                .register(registry);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> sessions.incrementAndGet());
        event.getSource().addSessionDestroyListener(destroy -> sessions.decrementAndGet());
    }
}
