package org.crmworkbench.plugin.tender.analysis;

import org.crmworkbench.plugin.tender.Amounts;
import org.crmworkbench.plugin.tender.register.TenderStatus;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER;

/**
 * How tendering goes: win rates (won / (won + lost)) by authority, CPV division, procedure and value
 * band, the reasons we lost, the average effort of decided bids, and the pipeline value by month of
 * the submission deadline. Each is one GROUP BY over the register.
 */
public final class Analysis {

    /** The groups win rates are shown by. */
    public enum Dimension {
        AUTHORITY, CPV_DIVISION, PROCEDURE, VALUE_BAND;

        public String labelKey() {
            return "analysis.by." + name().toLowerCase().replace('_', '-');
        }
    }

    /**
     * Won and lost tenders of one group; the win rate in percent with one decimal, null without decided tenders.
     *
     * @param averageEffort average hours spent on its decided bids, null when none were recorded
     */
    public record WinRate(String group, int won, int lost, BigDecimal winRate, BigDecimal averageEffort) {
    }

    /** A count and value (per currency) per key: a lost reason or a month ({@code yyyy-MM}). */
    public record Count(String key, int count, Amounts value) {
    }

    static final BigDecimal[] BANDS = {new BigDecimal("50000"), new BigDecimal("250000"), new BigDecimal("1000000")};

    private final DSLContext dsl;

    public Analysis(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<WinRate> winRates(Dimension dimension) {
        Field<String> group = switch (dimension) {
            case AUTHORITY -> V_ACCOUNTS.ID.cast(String.class);
            case CPV_DIVISION -> DSL.nullif(DSL.substring(TENDER.CPV_CODES, 1, 2), "");
            case PROCEDURE -> TENDER.PROCEDURE_TYPE;
            case VALUE_BAND -> DSL.when(TENDER.ESTIMATED_VALUE.isNull(), DSL.inline((String) null, String.class))
                    .when(TENDER.ESTIMATED_VALUE.lt(BANDS[0]), DSL.inline("1"))
                    .when(TENDER.ESTIMATED_VALUE.lt(BANDS[1]), DSL.inline("2"))
                    .when(TENDER.ESTIMATED_VALUE.lt(BANDS[2]), DSL.inline("3"))
                    .otherwise(DSL.inline("4"));
        };
        var won = DSL.count().filterWhere(TENDER.STATUS.eq(TenderStatus.WON.name()));
        var lost = DSL.count().filterWhere(TENDER.STATUS.eq(TenderStatus.LOST.name()));
        var effort = DSL.avg(TENDER.EFFORT_HOURS);
        // by authority the group is its id (two accounts may share a name), shown by its name
        var name = DSL.max(V_ACCOUNTS.NAME);
        return dsl.select(group.as("g"), won, lost, effort, name).from(TENDER).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(TENDER.AUTHORITY_ID))
                .where(TENDER.STATUS.in(TenderStatus.WON.name(), TenderStatus.LOST.name()))
                .groupBy(DSL.field(DSL.name("g"))).orderBy(won.plus(lost).desc(), DSL.field(DSL.name("g")))
                .fetch(r -> new WinRate(dimension == Dimension.AUTHORITY ? r.value5() : r.value1(), r.value2(), r.value3(),
                        rate(r.value2(), r.value3()), r.value4() == null ? null : r.value4().setScale(1, RoundingMode.HALF_UP)));
    }

    /** Won as a share of won and lost, in percent with one decimal; null when neither. */
    public static BigDecimal rate(int won, int lost) {
        return won + lost == 0 ? null
                : BigDecimal.valueOf(won * 100L).divide(BigDecimal.valueOf(won + lost), 1, RoundingMode.HALF_UP);
    }

    /** Lost tenders per reason, most frequent first (a null key: no reason recorded). */
    public List<Count> lostReasons() {
        var counts = new LinkedHashMap<String, Count>();
        dsl.select(TENDER.LOST_REASON, TENDER.CURRENCY, DSL.count(), DSL.sum(TENDER.ESTIMATED_VALUE)).from(TENDER)
                .where(TENDER.STATUS.eq(TenderStatus.LOST.name())).groupBy(TENDER.LOST_REASON, TENDER.CURRENCY)
                .orderBy(TENDER.LOST_REASON, TENDER.CURRENCY)
                .forEach(r -> add(counts, r.value1(), r.value2(), r.value3(), r.value4()));
        return counts.values().stream().sorted(Comparator.comparingInt(Count::count).reversed()).toList();
    }

    /** Open tenders' number and estimated value per month ({@code yyyy-MM}) of their submission deadline, in order. */
    public List<Count> pipelineByMonth() {
        var year = DSL.year(TENDER.SUBMISSION_DEADLINE);
        var month = DSL.month(TENDER.SUBMISSION_DEADLINE);
        var counts = new LinkedHashMap<String, Count>();
        dsl.select(year, month, TENDER.CURRENCY, DSL.count(), DSL.sum(TENDER.ESTIMATED_VALUE)).from(TENDER)
                .where(TENDER.STATUS.in(TenderStatus.OPEN.stream().map(Enum::name).toList())).and(TENDER.SUBMISSION_DEADLINE.isNotNull())
                .groupBy(year, month, TENDER.CURRENCY).orderBy(year, month, TENDER.CURRENCY)
                .forEach(r -> add(counts, YearMonth.of(r.value1(), r.value2()).toString(), r.value3(), r.value4(), r.value5()));
        return List.copyOf(counts.values());
    }

    private static void add(Map<String, Count> counts, String key, String currency, int count, BigDecimal value) {
        counts.merge(String.valueOf(key), new Count(key, count, Amounts.NONE.plus(currency, value)),
                (a, b) -> new Count(a.key(), a.count() + b.count(), a.value().plus(b.value())));
    }
}
