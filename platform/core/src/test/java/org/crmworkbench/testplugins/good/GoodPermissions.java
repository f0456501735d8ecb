package org.crmworkbench.testplugins.good;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.security.PermissionContribution;
import org.crmworkbench.api.security.PermissionDefinition;
import org.pf4j.Extension;

import java.util.List;
import java.util.Set;

@Extension
public class GoodPermissions implements PermissionContribution {
    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(new PermissionDefinition("test-good.see-secret", "permission.see-secret", Set.of(Role.MANAGER)));
    }
}
