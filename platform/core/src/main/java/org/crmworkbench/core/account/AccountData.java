package org.crmworkbench.core.account;

import java.math.BigDecimal;

/**
 * The editable fields of an account.
 *
 * @param name             organisation name, required
 * @param cocNumber        chamber-of-commerce (KvK) number, 8 digits, unique; optional
 * @param vatNumber        VAT number such as NL123456789B01 or BE0123456789; optional
 * @param website          http(s) address; optional
 * @param industry         free text; optional
 * @param street           street and number; optional
 * @param postalCode       postal code; optional
 * @param city             city; optional
 * @param country          ISO 3166 alpha-2 code, e.g. NL or BE
 * @param level            account management level
 * @param stage            lifecycle stage
 * @param leadSource       where the lead came from; optional
 * @param neverInterested  "will never be interested" (customer group OTHER)
 * @param potentialValue   estimated yearly potential in euro; optional, not negative
 * @param notes            free text; optional
 * @param accountManagerId the responsible user; optional
 */
public record AccountData(String name, String cocNumber, String vatNumber, String website, String industry,
                          String street, String postalCode, String city, String country, AccountLevel level,
                          LifecycleStage stage, String leadSource, boolean neverInterested,
                          BigDecimal potentialValue, String notes, Long accountManagerId) {

    /** A copy with another VAT number. */
    public AccountData withVat(String vat) {
        return new AccountData(name, cocNumber, vat, website, industry, street, postalCode, city, country, level, stage,
                leadSource, neverInterested, potentialValue, notes, accountManagerId);
    }

    /** A copy in another city. */
    public AccountData inCity(String otherCity) {
        return new AccountData(name, cocNumber, vatNumber, website, industry, street, postalCode, otherCity, country,
                level, stage, leadSource, neverInterested, potentialValue, notes, accountManagerId);
    }

    /** A copy in another lifecycle stage. */
    public AccountData withStage(LifecycleStage otherStage) {
        return new AccountData(name, cocNumber, vatNumber, website, industry, street, postalCode, city, country,
                level, otherStage, leadSource, neverInterested, potentialValue, notes, accountManagerId);
    }

    /** A copy with another account manager. */
    public AccountData managedBy(Long managerId) {
        return new AccountData(name, cocNumber, vatNumber, website, industry, street, postalCode, city, country,
                level, stage, leadSource, neverInterested, potentialValue, notes, managerId);
    }

    /** A copy marked "never interested". */
    public AccountData withNeverInterested() {
        return new AccountData(name, cocNumber, vatNumber, website, industry, street, postalCode, city, country,
                level, stage, leadSource, true, potentialValue, notes, accountManagerId);
    }
}
