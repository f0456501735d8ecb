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

    /** Create, change and delete rating models and their criteria; score any account on manual criteria. */
    public static final String EDIT_CRITERIA = "customer-rating.edit-criteria";
    /**
     * Run and read the rating runs and the customer analysis (RFM, pyramid, ABC, retention, CLV) over
     * all accounts.
     */
    public static final String ANALYSE = "customer-rating.analyse";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(new PermissionDefinition(EDIT_CRITERIA, "permission.edit-criteria", Set.of(Role.MANAGER)),
                new PermissionDefinition(ANALYSE, "permission.analyse", Set.of(Role.MANAGER)));
    }
}
