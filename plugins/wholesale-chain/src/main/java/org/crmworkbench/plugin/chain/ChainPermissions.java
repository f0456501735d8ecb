package org.crmworkbench.plugin.chain;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.security.PermissionContribution;
import org.crmworkbench.api.security.PermissionDefinition;
import org.pf4j.Extension;

import java.util.List;
import java.util.Set;

/** Who maps the chains and records our roles, and who keeps the service catalogue and the settings. */
@Extension
public class ChainPermissions implements PermissionContribution {

    /** Add, change and import links, record roles and trend responses, mark suppliers. */
    public static final String EDIT = "wholesale-chain.edit";
    /** Keep the catalogue of value added services and the risk and scorecard settings. */
    public static final String MANAGE = "wholesale-chain.manage";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(new PermissionDefinition(EDIT, "permission.edit", Set.of(Role.MANAGER, Role.SALES)),
                new PermissionDefinition(MANAGE, "permission.manage", Set.of(Role.MANAGER)));
    }
}
