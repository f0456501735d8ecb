package com.example.crm.notes;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.security.PermissionContribution;
import org.crmworkbench.api.security.PermissionDefinition;
import org.pf4j.Extension;

import java.util.List;
import java.util.Set;

/** Who may write notes (admins always may); everyone who sees an account reads its notes. */
@Extension
public class NotesPermissions implements PermissionContribution {

    /** Permission keys start with the plugin id. */
    public static final String WRITE = "account-notes.write";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(new PermissionDefinition(WRITE, "permission.write", Set.of(Role.SALES, Role.MANAGER)));
    }
}
