package org.crmworkbench.ui.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.audit.SecurityLog;
import org.crmworkbench.core.editing.NotAllowedException;
import org.crmworkbench.core.plugin.PluginHost;
import org.crmworkbench.core.plugin.PluginInfo;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.function.Consumer;

/**
 * What plugin admin does for a script: list the plugins, disable and enable one. ADMIN only (403 for
 * others); every change goes into the security log as it does from plugin admin. A state is this node's:
 * the other nodes follow a change through {@code crm_core.plugin_state} (see docs/scale-out.md).
 */
@RestController
@RequestMapping("/api/v1/plugins")
@Tag(name = "plugins")
class PluginsApi {

    private final PluginHost host;
    private final SecurityLog securityLog;
    private final ApiSupport api;

    PluginsApi(PluginHost host, SecurityLog securityLog, ApiSupport api) {
        this.host = host;
        this.securityLog = securityLog;
        this.api = api;
    }

    /** Every plugin in the plugins folder, by id (a handful: not paged). */
    @GetMapping
    List<PluginInfo> list() {
        admin();
        return host.plugins();
    }

    @GetMapping("/{id}")
    PluginInfo get(@PathVariable String id) {
        admin();
        return host.find(id).orElseThrow(ApiNotFoundException::new);
    }

    /** Stops the plugin and withdraws its views; its schema and data stay. The plugins that need it stop too. */
    @PostMapping("/{id}/disable")
    PluginInfo disable(@PathVariable String id, HttpServletRequest request) {
        return change(id, request, SecurityLog.Kind.PLUGIN_DISABLED, host::disable);
    }

    /** Starts the plugin again; when it cannot start, the answer says FAILED with the reason in {@code lastError}. */
    @PostMapping("/{id}/enable")
    PluginInfo enable(@PathVariable String id, HttpServletRequest request) {
        return change(id, request, SecurityLog.Kind.PLUGIN_ENABLED, host::enable);
    }

    /** An admin's change of a known plugin, logged; the plugin as it is afterwards. */
    private PluginInfo change(String id, HttpServletRequest request, SecurityLog.Kind kind, Consumer<String> change) {
        UserRef admin = admin();
        get(id);
        change.accept(id);
        securityLog.record(kind, admin.username(), request.getRemoteAddr(), id);
        return get(id);
    }

    private UserRef admin() {
        UserRef user = api.user();
        if (!user.hasRole(Role.ADMIN)) {
            throw new NotAllowedException("api.error.forbidden");
        }
        return user;
    }
}
