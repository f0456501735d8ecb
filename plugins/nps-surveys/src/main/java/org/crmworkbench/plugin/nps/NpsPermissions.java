package org.crmworkbench.plugin.nps;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.security.PermissionContribution;
import org.crmworkbench.api.security.PermissionDefinition;
import org.pf4j.Extension;

import java.util.List;
import java.util.Set;

/** Who may run surveys and read the results over all accounts. */
@Extension
public class NpsPermissions implements PermissionContribution {

    /** Create, start and close campaigns, send invitations, import answers, change settings and tags. */
    public static final String MANAGE = "nps-surveys.manage";
    /** Read the NPS results and comments over all accounts, and every follow-up. */
    public static final String RESULTS = "nps-surveys.results";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(new PermissionDefinition(MANAGE, "permission.manage", Set.of(Role.MANAGER)),
                new PermissionDefinition(RESULTS, "permission.results", Set.of(Role.MANAGER)));
    }
}
