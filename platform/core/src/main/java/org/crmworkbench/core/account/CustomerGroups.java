package org.crmworkbench.core.account;

import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.LocalDate;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.INTERACTION;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;

/**
 * The customer group as an SQL expression over {@code account}, so lists can show and filter it
 * without loading orders: buying in the period wins, then buying before it, then "never interested",
 * then having a relationship.
 */
public final class CustomerGroups {

    public static final int DEFAULT_PERIOD_MONTHS = 12;

    private CustomerGroups() {
    }

    /** The group of each {@code account} row for the period {@code [from, to]} (inclusive). */
    public static Field<String> field(LocalDate from, LocalDate to) {
        var ordered = SALES_ORDER.ACCOUNT_ID.eq(ACCOUNT.ID);
        return DSL.when(DSL.exists(DSL.selectOne().from(SALES_ORDER)
                                .where(ordered.and(SALES_ORDER.ORDER_DATE.between(from, to)))),
                        CustomerGroup.ACTIVE.name())
                .when(DSL.exists(DSL.selectOne().from(SALES_ORDER)
                                .where(ordered.and(SALES_ORDER.ORDER_DATE.lt(from)))),
                        CustomerGroup.INACTIVE.name())
                .when(ACCOUNT.NEVER_INTERESTED.isTrue(), CustomerGroup.OTHER.name())
                .when(ACCOUNT.LIFECYCLE_STAGE.in(LifecycleStage.PROSPECT.name(), LifecycleStage.LEAD.name(),
                                LifecycleStage.HOT_LEAD.name())
                        .or(DSL.exists(DSL.selectOne().from(INTERACTION).where(INTERACTION.ACCOUNT_ID.eq(ACCOUNT.ID)))),
                        CustomerGroup.POTENTIAL.name())
                .otherwise(CustomerGroup.POSSIBLY_INTERESTED.name());
    }

    /** The group over the default period: the last {@value #DEFAULT_PERIOD_MONTHS} months up to {@code today}. */
    public static Field<String> lastYear(LocalDate today) {
        return field(today.minusMonths(DEFAULT_PERIOD_MONTHS).plusDays(1), today);
    }
}
