package org.crmworkbench.plugin.value;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.security.PermissionContribution;
import org.crmworkbench.api.security.PermissionDefinition;
import org.pf4j.Extension;

import java.util.List;
import java.util.Set;

/** Who may change sellograms and canvases, and who publishes and keeps the motive catalogue. */
@Extension
public class ValuePermissions implements PermissionContribution {

    /** Create and edit sellogram drafts and value proposition canvases. */
    public static final String EDIT = "value-proposition.edit";
    /** Publish sellograms and edit the catalogue of buying motives. */
    public static final String PUBLISH = "value-proposition.publish";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(new PermissionDefinition(EDIT, "permission.edit", Set.of(Role.MANAGER, Role.SALES)),
                new PermissionDefinition(PUBLISH, "permission.publish", Set.of(Role.MANAGER)));
    }
}
