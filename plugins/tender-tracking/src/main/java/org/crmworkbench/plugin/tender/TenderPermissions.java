package org.crmworkbench.plugin.tender;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.security.PermissionContribution;
import org.crmworkbench.api.security.PermissionDefinition;
import org.pf4j.Extension;

import java.util.List;
import java.util.Set;

/** Who keeps the register and who takes bid/no-bid decisions; every signed-in user may look. */
@Extension
public class TenderPermissions implements PermissionContribution {

    /** Register, edit, import and move tenders; keep their lots, documents, team, Q&A, tasks and the answer library. */
    public static final String EDIT = "tender-tracking.edit";
    /** Record bid/no-bid decisions and set the criteria, checks and thresholds. */
    public static final String DECIDE = "tender-tracking.decide";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(new PermissionDefinition(EDIT, "permission.edit", Set.of(Role.MANAGER, Role.SALES)),
                new PermissionDefinition(DECIDE, "permission.decide", Set.of(Role.MANAGER)));
    }
}
