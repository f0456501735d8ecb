package org.crmworkbench.core.user;

import org.crmworkbench.api.Role;

import java.util.List;
import java.util.Set;

/**
 * The demo users created with demo data (listed in the README). Their passwords are public: demo
 * data is meant for a local try-out, never for a shared server.
 */
public final class DemoUsers {

    /**
     * One demo user.
     *
     * @param username    login name
     * @param displayName shown name
     * @param password    the public demo password
     * @param role        its single role
     */
    public record DemoUser(String username, String displayName, String password, Role role) {
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("manager", "Marieke de Vries", "manager-demo", Role.MANAGER),
            new DemoUser("sales", "Jeroen Peeters", "sales-demo", Role.SALES),
            new DemoUser("sales2", "Sanne Janssen", "sales-demo", Role.SALES));

    private DemoUsers() {
    }

    /** Creates the demo users that do not exist yet. */
    public static void create(UserAccounts accounts) {
        for (DemoUser demo : ALL) {
            if (accounts.findByUsername(demo.username()).isEmpty()) {
                accounts.create(demo.username(), demo.displayName(), demo.password(), Set.of(demo.role()));
            }
        }
    }
}
