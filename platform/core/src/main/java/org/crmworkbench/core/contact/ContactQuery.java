package org.crmworkbench.core.contact;

import java.util.List;

/**
 * What the contacts list asks for.
 *
 * @param accountId    only the contacts of this account, or null for all the viewer may see
 * @param search       prefix of last name, first name, e-mail or account name; blank for all
 * @param dmuRole      only this DMU role, or null
 * @param activeOnly   only people still working there
 * @param consentOnly  only people who agreed to receive e-mail
 * @param sorts        sort order; unknown columns are ignored
 */
public record ContactQuery(Long accountId, String search, DmuRole dmuRole, boolean activeOnly, boolean consentOnly, List<Sort> sorts) {

    public static ContactQuery all() {
        return new ContactQuery(null, "", null, false, false, List.of());
    }

    /**
     * @param column    name, account, jobTitle, email, dmuRole
     * @param ascending direction
     */
    public record Sort(String column, boolean ascending) {
    }
}
