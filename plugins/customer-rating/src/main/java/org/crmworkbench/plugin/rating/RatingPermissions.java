package org.crmworkbench.plugin.rating;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.security.PermissionContribution;
import org.crmworkbench.api.security.PermissionDefinition;
import org.pf4j.Extension;

import java.util.List;
import java.util.Set;

/** Who may change the rating model. */
@Extension
public class RatingPermissions implements PermissionContribution {

    /** Add and delete rating criteria. */
    public static final String EDIT_CRITERIA = "customer-rating.edit-criteria";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(new PermissionDefinition(EDIT_CRITERIA, "permission.edit-criteria", Set.of(Role.MANAGER)));
    }
}
