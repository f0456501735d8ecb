package org.crmworkbench.plugin.nps.campaign;

import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.List;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_INTERACTIONS;
import static org.crmworkbench.api.coreviews.Tables.V_ORDERS;

/**
 * The customer group (klantgroep, DOMAIN.md section 1) of each {@code v_accounts} row over the last
 * twelve months, from the public core views: bought in the period, bought before it, never
 * interested, has a relationship, or could become a customer.
 */
public final class CustomerGroups {

    /** The groups, in the order the shell lists them. */
    public static final List<String> ALL = List.of("ACTIVE", "INACTIVE", "POTENTIAL", "POSSIBLY_INTERESTED", "OTHER");

    private CustomerGroups() {
    }

    public static Field<String> lastYear(LocalDate today) {
        LocalDate from = today.minusMonths(12).plusDays(1);
        var ordered = V_ORDERS.ACCOUNT_ID.eq(V_ACCOUNTS.ID);
        return DSL.when(DSL.exists(DSL.selectOne().from(V_ORDERS).where(ordered.and(V_ORDERS.ORDER_DATE.between(from, today)))),
                        "ACTIVE")
                .when(DSL.exists(DSL.selectOne().from(V_ORDERS).where(ordered.and(V_ORDERS.ORDER_DATE.lt(from)))), "INACTIVE")
                .when(V_ACCOUNTS.NEVER_INTERESTED.isTrue(), "OTHER")
                .when(V_ACCOUNTS.LIFECYCLE_STAGE.in("PROSPECT", "LEAD", "HOT_LEAD")
                                .or(DSL.exists(DSL.selectOne().from(V_INTERACTIONS).where(V_INTERACTIONS.ACCOUNT_ID.eq(V_ACCOUNTS.ID)))),
                        "POTENTIAL")
                .otherwise("POSSIBLY_INTERESTED");
    }

    public static String labelKey(String group) {
        return "group." + group.toLowerCase().replace('_', '-');
    }
}
