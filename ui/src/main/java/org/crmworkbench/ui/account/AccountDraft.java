package org.crmworkbench.ui.account;

import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.account.AccountData;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.LifecycleStage;

import java.math.BigDecimal;
import java.util.List;

/** The form's editable copy of an account; becomes {@link AccountData} on save. */
final class AccountDraft {

    String name = "";
    String cocNumber = "";
    String vatNumber = "";
    String website = "";
    String industry = "";
    String street = "";
    String postalCode = "";
    String city = "";
    String country = "NL";
    AccountLevel level = AccountLevel.REGIONAL;
    LifecycleStage stage = LifecycleStage.SUSPECT;
    String leadSource = "";
    boolean neverInterested;
    BigDecimal potentialValue;
    String notes = "";
    UserRef manager;

    static AccountDraft of(AccountData data, List<UserRef> users) {
        var draft = new AccountDraft();
        draft.name = data.name();
        draft.cocNumber = orEmpty(data.cocNumber());
        draft.vatNumber = orEmpty(data.vatNumber());
        draft.website = orEmpty(data.website());
        draft.industry = orEmpty(data.industry());
        draft.street = orEmpty(data.street());
        draft.postalCode = orEmpty(data.postalCode());
        draft.city = orEmpty(data.city());
        draft.country = data.country();
        draft.level = data.level();
        draft.stage = data.stage();
        draft.leadSource = orEmpty(data.leadSource());
        draft.neverInterested = data.neverInterested();
        draft.potentialValue = data.potentialValue();
        draft.notes = orEmpty(data.notes());
        draft.manager = users.stream().filter(u -> data.accountManagerId() != null && u.id() == data.accountManagerId())
                .findFirst().orElse(null);
        return draft;
    }

    AccountData toData() {
        return new AccountData(name, cocNumber, vatNumber, website, industry, street, postalCode, city,
                country == null ? null : country.toUpperCase(), level, stage, leadSource, neverInterested,
                potentialValue, notes, manager == null ? null : manager.id());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
