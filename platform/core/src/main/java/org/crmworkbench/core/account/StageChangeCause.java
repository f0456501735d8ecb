package org.crmworkbench.core.account;

/** Why a lifecycle stage changed. */
public enum StageChangeCause {
    /** The account was created with this stage. */
    CREATED,
    /** A user chose the stage; the rules leave it alone until the account's next order. */
    MANUAL,
    /** The lifecycle rules derived it from the orders. */
    RULE,
    /** A CSV import set it. */
    IMPORT;

    public String labelKey() {
        return "stage-cause." + name().toLowerCase();
    }
}
