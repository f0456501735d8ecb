package org.crmworkbench.plugin.nps.results;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import java.util.Optional;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_CONTACTS;
import static org.crmworkbench.api.coreviews.Tables.V_USERS;
import static org.crmworkbench.plugin.nps.jooq.Tables.ANSWER;
import static org.crmworkbench.plugin.nps.jooq.Tables.ANSWER_TAG;
import static org.crmworkbench.plugin.nps.jooq.Tables.CAMPAIGN;
import static org.crmworkbench.plugin.nps.jooq.Tables.INVITATION;
import static org.crmworkbench.plugin.nps.jooq.Tables.TAG;

/**
 * NPS figures, each one aggregate in SQL over the answers: overall, per breakdown (campaign, month,
 * account manager, customer group, lifecycle stage, DMU role, tag), response rates, and the
 * comments with their filters.
 */
public final class NpsResults {

    /** One row of a breakdown: the key as stored (an id, a code or {@code yyyy-MM}), a name, the counts. */
    public record Row(String key, String name, Nps nps) {
    }

    /** One comment. */
    public record Comment(long answerId, LocalDateTime answeredAt, int score, String comment, Long accountId,
                          String accountName, String contactName, String campaignName) {
    }

    /** Which comments to list. */
    public record CommentFilter(ResultFilter results, Category category, Long tagId, String search) {
    }

    private final DSLContext dsl;

    public NpsResults(DSLContext dsl) {
        this.dsl = dsl;
    }

    private static final Field<Integer> PROMOTERS = DSL.sum(DSL.when(ANSWER.SCORE.ge(9), 1).otherwise(0)).cast(Integer.class);
    private static final Field<Integer> PASSIVES = DSL.sum(DSL.when(ANSWER.SCORE.between(7, 8), 1).otherwise(0)).cast(Integer.class);
    private static final Field<Integer> DETRACTORS = DSL.sum(DSL.when(ANSWER.SCORE.le(6), 1).otherwise(0)).cast(Integer.class);
    private static final Field<String> MONTH = DSL.field("DATE_FORMAT({0}, '%Y-%m')", String.class, ANSWER.ANSWERED_AT);

    static Condition where(ResultFilter filter) {
        Condition condition = DSL.trueCondition();
        if (filter.campaignId() != null) {
            condition = condition.and(ANSWER.CAMPAIGN_ID.eq(filter.campaignId()));
        }
        if (filter.from() != null) {
            condition = condition.and(ANSWER.ANSWERED_AT.ge(filter.from().atStartOfDay()));
        }
        if (filter.to() != null) {
            condition = condition.and(ANSWER.ANSWERED_AT.lt(filter.to().plusDays(1).atStartOfDay()));
        }
        return condition;
    }

    private static Nps nps(Record r) {
        return new Nps(value(r.get(PROMOTERS)), value(r.get(PASSIVES)), value(r.get(DETRACTORS)));
    }

    private static long value(Integer count) {
        return count == null ? 0 : count;
    }

    /** The counts over all answers of the filter. */
    public Nps overall(ResultFilter filter) {
        return counts(where(filter));
    }

    /** The counts over the answers that meet {@code condition}. */
    Nps counts(Condition condition) {
        return nps(dsl.select(PROMOTERS, PASSIVES, DETRACTORS).from(ANSWER).where(condition).fetchSingle());
    }

    /** Counts per month ({@code yyyy-MM}) of the answers that meet {@code condition}, in time order. */
    private List<Row> monthly(Condition condition) {
        return grouped(dsl.select(MONTH, MONTH).select(PROMOTERS, PASSIVES, DETRACTORS).from(ANSWER).where(condition)
                .groupBy(MONTH).orderBy(MONTH).fetch());
    }

    /**
     * The figures of one filter in one pass: the counts overall and per account manager, customer
     * group, lifecycle stage and DMU role.
     *
     * @param breakdowns the rows of {@link Breakdown#MANAGER}, {@link Breakdown#GROUP}, {@link Breakdown#STAGE}
     *                   and {@link Breakdown#DMU_ROLE}, each ordered by key (managers by name)
     */
    public record Report(Nps overall, Map<Breakdown, List<Row>> breakdowns) {
    }

    /** Breakdowns {@link #report} computes. */
    public static final Set<Breakdown> IN_REPORT = EnumSet.of(Breakdown.MANAGER, Breakdown.GROUP, Breakdown.STAGE, Breakdown.DMU_ROLE);

    /**
     * One grouped scan of the answers (the covering index {@code ix_answer_campaign} for a campaign),
     * rolled up per breakdown here, and the managers' names.
     */
    public Report report(ResultFilter filter) {
        var count = DSL.count();
        var groups = dsl.select(ANSWER.SCORE, ANSWER.MANAGER_ID, ANSWER.CUSTOMER_GROUP, ANSWER.LIFECYCLE_STAGE, ANSWER.DMU_ROLE, count)
                .from(ANSWER).where(where(filter))
                .groupBy(ANSWER.SCORE, ANSWER.MANAGER_ID, ANSWER.CUSTOMER_GROUP, ANSWER.LIFECYCLE_STAGE, ANSWER.DMU_ROLE)
                .fetch();
        var overall = new long[3];
        Map<Breakdown, Map<String, long[]>> sums = new EnumMap<>(Breakdown.class);
        IN_REPORT.forEach(b -> sums.put(b, new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))));
        for (var g : groups) {
            int category = Category.of(g.value1()).ordinal();
            int n = g.value6();
            overall[category] += n;
            add(sums.get(Breakdown.MANAGER), g.value2() == null ? null : String.valueOf(g.value2()), category, n);
            add(sums.get(Breakdown.GROUP), g.value3(), category, n);
            add(sums.get(Breakdown.STAGE), g.value4(), category, n);
            add(sums.get(Breakdown.DMU_ROLE), g.value5(), category, n);
        }
        var managerIds = sums.get(Breakdown.MANAGER).keySet().stream().filter(java.util.Objects::nonNull).map(Long::valueOf).toList();
        Map<String, String> names = managerIds.isEmpty() ? Map.of()
                : dsl.select(V_USERS.ID, V_USERS.DISPLAY_NAME).from(V_USERS).where(V_USERS.ID.in(managerIds))
                        .fetchMap(r -> String.valueOf(r.value1()), r -> r.value2());
        Map<Breakdown, List<Row>> breakdowns = new EnumMap<>(Breakdown.class);
        sums.forEach((breakdown, byKey) -> {
            var rows = new ArrayList<Row>();
            byKey.forEach((key, c) -> rows.add(new Row(key, breakdown == Breakdown.MANAGER ? names.get(key) : key,
                    new Nps(c[0], c[1], c[2]))));
            if (breakdown == Breakdown.MANAGER) {
                rows.sort(java.util.Comparator.comparing(Row::name, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
            }
            breakdowns.put(breakdown, List.copyOf(rows));
        });
        return new Report(new Nps(overall[0], overall[1], overall[2]), breakdowns);
    }

    private static void add(Map<String, long[]> sums, String key, int category, long n) {
        sums.computeIfAbsent(key, k -> new long[3])[category] += n;
    }

    /** The rows of one breakdown, in a natural order (months in time order, others by name). */
    public List<Row> breakdown(ResultFilter filter, Breakdown breakdown) {
        Condition where = where(filter);
        List<Row> rows = switch (breakdown) {
            case CAMPAIGN -> grouped(dsl.select(CAMPAIGN.ID.cast(String.class), CAMPAIGN.NAME, CAMPAIGN.OPENS_ON)
                    .select(PROMOTERS, PASSIVES, DETRACTORS).from(ANSWER).join(CAMPAIGN).on(CAMPAIGN.ID.eq(ANSWER.CAMPAIGN_ID))
                    .where(where).groupBy(CAMPAIGN.ID, CAMPAIGN.NAME, CAMPAIGN.OPENS_ON).orderBy(CAMPAIGN.OPENS_ON, CAMPAIGN.ID).fetch());
            case MONTH -> monthly(where);
            case MANAGER -> grouped(dsl.select(ANSWER.MANAGER_ID.cast(String.class), V_USERS.DISPLAY_NAME)
                    .select(PROMOTERS, PASSIVES, DETRACTORS).from(ANSWER).leftJoin(V_USERS).on(V_USERS.ID.eq(ANSWER.MANAGER_ID))
                    .where(where).groupBy(ANSWER.MANAGER_ID, V_USERS.DISPLAY_NAME).orderBy(V_USERS.DISPLAY_NAME).fetch());
            case GROUP -> simple(ANSWER.CUSTOMER_GROUP, where);
            case STAGE -> simple(ANSWER.LIFECYCLE_STAGE, where);
            case DMU_ROLE -> simple(ANSWER.DMU_ROLE, where);
            case TAG -> grouped(dsl.select(TAG.ID.cast(String.class), TAG.NAME_EN).select(PROMOTERS, PASSIVES, DETRACTORS)
                    .from(ANSWER).join(ANSWER_TAG).on(ANSWER_TAG.ANSWER_ID.eq(ANSWER.ID)).join(TAG).on(TAG.ID.eq(ANSWER_TAG.TAG_ID))
                    .where(where).groupBy(TAG.ID, TAG.NAME_EN).orderBy(TAG.NAME_EN).fetch());
        };
        return rows;
    }

    private List<Row> simple(Field<String> key, Condition where) {
        return grouped(dsl.select(key, key).select(PROMOTERS, PASSIVES, DETRACTORS).from(ANSWER).where(where)
                .groupBy(key).orderBy(key).fetch());
    }

    private static List<Row> grouped(List<? extends Record> records) {
        var rows = new ArrayList<Row>(records.size());
        for (var r : records) {
            rows.add(new Row(r.get(0, String.class), r.get(1, String.class), nps(r)));
        }
        return rows;
    }

    /** Monthly counts over the last {@code months} months up to {@code today}, empty months included. */
    public List<Row> trend(ResultFilter filter, LocalDate today, int months) {
        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(months - 1L);
        var within = new ResultFilter(filter.campaignId(), first.atDay(1), last.atEndOfMonth());
        return fill(breakdown(within, Breakdown.MONTH), first, last);
    }

    /** Monthly counts of one account's answers over the last {@code months} months, empty months included. */
    public List<Row> trendOfAccount(long accountId, LocalDate today, int months) {
        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(months - 1L);
        return fill(monthly(ANSWER.ACCOUNT_ID.eq(accountId).and(ANSWER.ANSWERED_AT.ge(first.atDay(1).atStartOfDay()))),
                first, last);
    }

    private static List<Row> fill(List<Row> found, YearMonth first, YearMonth last) {
        var rows = new ArrayList<Row>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            String key = month.toString();
            rows.add(found.stream().filter(r -> key.equals(r.key())).findFirst().orElse(new Row(key, key, Nps.EMPTY)));
        }
        return rows;
    }

    /**
     * The share of invitations answered through their link, in percent with one decimal; empty
     * without invitations. Over one campaign, or over the invitations sent in the period.
     */
    public Optional<BigDecimal> responseRate(ResultFilter filter) {
        Condition invitations = DSL.trueCondition();
        if (filter.campaignId() != null) {
            invitations = invitations.and(INVITATION.CAMPAIGN_ID.eq(filter.campaignId()));
        }
        if (filter.from() != null) {
            invitations = invitations.and(INVITATION.INVITED_AT.ge(filter.from().atStartOfDay()));
        }
        if (filter.to() != null) {
            invitations = invitations.and(INVITATION.INVITED_AT.lt(filter.to().plusDays(1).atStartOfDay()));
        }
        var r = dsl.select(DSL.count(), DSL.count(ANSWER.ID))
                .from(INVITATION).leftJoin(ANSWER).on(ANSWER.INVITATION_ID.eq(INVITATION.ID))
                .where(invitations).fetchSingle();
        if (r.value1() == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(100L * r.value2()).divide(BigDecimal.valueOf(r.value1()), 1, RoundingMode.HALF_UP));
    }

    /** Invitations counted by {@link #responseRate}. */
    public int invitations(ResultFilter filter) {
        Condition invitations = filter.campaignId() == null ? DSL.trueCondition() : INVITATION.CAMPAIGN_ID.eq(filter.campaignId());
        return dsl.fetchCount(INVITATION, invitations);
    }

    public List<Comment> comments(CommentFilter filter, int offset, int limit) {
        return dsl.select(ANSWER.ID, ANSWER.ANSWERED_AT, ANSWER.SCORE, ANSWER.COMMENT, ANSWER.ACCOUNT_ID, V_ACCOUNTS.NAME,
                        V_CONTACTS.FIRST_NAME, V_CONTACTS.LAST_NAME, CAMPAIGN.NAME)
                .from(ANSWER).join(CAMPAIGN).on(CAMPAIGN.ID.eq(ANSWER.CAMPAIGN_ID))
                .leftJoin(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(ANSWER.ACCOUNT_ID))
                .leftJoin(V_CONTACTS).on(V_CONTACTS.ID.eq(ANSWER.CONTACT_ID))
                .where(commentCondition(filter))
                .orderBy(ANSWER.ANSWERED_AT.desc(), ANSWER.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new Comment(r.get(ANSWER.ID), r.get(ANSWER.ANSWERED_AT), r.get(ANSWER.SCORE), r.get(ANSWER.COMMENT),
                        r.get(ANSWER.ACCOUNT_ID), r.get(V_ACCOUNTS.NAME),
                        r.get(V_CONTACTS.LAST_NAME) == null ? null : r.get(V_CONTACTS.FIRST_NAME) == null
                                ? r.get(V_CONTACTS.LAST_NAME) : r.get(V_CONTACTS.FIRST_NAME) + " " + r.get(V_CONTACTS.LAST_NAME),
                        r.get(CAMPAIGN.NAME)));
    }

    public int countComments(CommentFilter filter) {
        return dsl.fetchCount(ANSWER, commentCondition(filter));
    }

    private static Condition commentCondition(CommentFilter filter) {
        Condition condition = where(filter.results()).and(ANSWER.COMMENT.isNotNull());
        if (filter.category() != null) {
            condition = condition.and(switch (filter.category()) {
                case PROMOTER -> ANSWER.SCORE.ge(9);
                case PASSIVE -> ANSWER.SCORE.between(7, 8);
                case DETRACTOR -> ANSWER.SCORE.le(6);
            });
        }
        if (filter.tagId() != null) {
            condition = condition.andExists(DSL.selectOne().from(ANSWER_TAG)
                    .where(ANSWER_TAG.ANSWER_ID.eq(ANSWER.ID).and(ANSWER_TAG.TAG_ID.eq(filter.tagId()))));
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            condition = condition.and(ANSWER.COMMENT.containsIgnoreCase(filter.search().strip()));
        }
        return condition;
    }
}
