package org.crmworkbench.plugin.tender.award;

import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.InputRejectedException;
import org.crmworkbench.plugin.tender.TenderPermissions;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.crmworkbench.plugin.tender.jooq.Tables.AWARD_BIDDER;
import static org.crmworkbench.plugin.tender.jooq.Tables.AWARD_CRITERION;
import static org.crmworkbench.plugin.tender.jooq.Tables.AWARD_SCORE;

/**
 * A tender's award criteria and, after the award decision, the bidders with their prices and points:
 * ranked by {@link AwardResult}. With best price-quality the criteria's weights add up to 100 and one
 * of them is the price; a lowest price award needs no criteria.
 */
public final class Awards {

    /** One of the authority's award criteria; the price criterion's points are computed from the prices. */
    public record Criterion(long id, String name, BigDecimal weight, boolean price) {
    }

    /** A bidder as entered, with its points per quality criterion id. */
    public record Bidder(long id, String name, boolean us, BigDecimal price, Map<Long, BigDecimal> points) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final DSLContext dsl;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public Awards(DSLContext dsl) {
        this(dsl, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public Awards(DSLContext dsl, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.requirePermission = requirePermission;
    }

    public List<Criterion> criteria(long tenderId) {
        return dsl.selectFrom(AWARD_CRITERION).where(AWARD_CRITERION.TENDER_ID.eq(tenderId))
                .orderBy(AWARD_CRITERION.POSITION, AWARD_CRITERION.ID)
                .fetch(r -> new Criterion(r.getId(), r.getName(), r.getWeight(), r.getPrice()));
    }

    /**
     * Adds a criterion at the end.
     *
     * @throws InputRejectedException when the name is blank or long, the weight outside 0..100 (exclusive
     *                                of 0), or a second price criterion is added
     */
    public long addCriterion(long tenderId, String name, BigDecimal weight, boolean price) {
        requirePermission.accept(TenderPermissions.EDIT);
        var errors = new LinkedHashMap<String, String>();
        if (name == null || name.isBlank()) {
            errors.put("name", "award.error.name-required");
        } else if (name.strip().length() > 120) {
            errors.put("name", "award.error.name-long");
        }
        if (weight == null || weight.signum() <= 0 || weight.compareTo(HUNDRED) > 0) {
            errors.put("weight", "award.error.weight");
        }
        if (price && dsl.fetchExists(AWARD_CRITERION, AWARD_CRITERION.TENDER_ID.eq(tenderId).and(AWARD_CRITERION.PRICE.isTrue()))) {
            errors.put("price", "award.error.second-price");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        try {
            return dsl.insertInto(AWARD_CRITERION, AWARD_CRITERION.TENDER_ID, AWARD_CRITERION.NAME, AWARD_CRITERION.WEIGHT,
                        AWARD_CRITERION.PRICE, AWARD_CRITERION.POSITION)
                .select(DSL.select(DSL.val(tenderId), DSL.val(name.strip()), DSL.val(weight), DSL.val(price),
                        DSL.coalesce(DSL.max(AWARD_CRITERION.POSITION), 0).plus(1)).from(AWARD_CRITERION)
                        .where(AWARD_CRITERION.TENDER_ID.eq(tenderId)))
                .returningResult(AWARD_CRITERION.ID).fetchSingle().value1();
        } catch (org.jooq.exception.IntegrityConstraintViolationException e) {
            throw new ChangedMeanwhileException(); // the tender is gone
        }
    }

    public void deleteCriterion(long tenderId, long criterionId) {
        requirePermission.accept(TenderPermissions.EDIT);
        dsl.deleteFrom(AWARD_CRITERION).where(AWARD_CRITERION.ID.eq(criterionId).and(AWARD_CRITERION.TENDER_ID.eq(tenderId))).execute();
    }

    public List<Bidder> bidders(long tenderId) {
        var points = new HashMap<Long, Map<Long, BigDecimal>>();
        dsl.select(AWARD_SCORE.BIDDER_ID, AWARD_SCORE.CRITERION_ID, AWARD_SCORE.POINTS).from(AWARD_SCORE)
                .join(AWARD_BIDDER).on(AWARD_BIDDER.ID.eq(AWARD_SCORE.BIDDER_ID)).where(AWARD_BIDDER.TENDER_ID.eq(tenderId))
                .forEach(r -> points.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>()).put(r.value2(), r.value3()));
        return dsl.selectFrom(AWARD_BIDDER).where(AWARD_BIDDER.TENDER_ID.eq(tenderId)).orderBy(AWARD_BIDDER.US.desc(), AWARD_BIDDER.ID)
                .fetch(r -> new Bidder(r.getId(), r.getName(), r.getUs(), r.getPrice(), points.getOrDefault(r.getId(), Map.of())));
    }

    /**
     * Adds a bidder ({@code bidderId} null) or replaces one's name, price and points.
     *
     * @param points points per quality criterion id, each from 0 up to the criterion's weight
     * @throws InputRejectedException when the name is blank, the price not above 0, a point is off its
     *                                criterion's range (field {@code points-<id>}), or a second bidder is "us"
     */
    public long saveBidder(long tenderId, Long bidderId, String name, boolean us, BigDecimal price, Map<Long, BigDecimal> points) {
        requirePermission.accept(TenderPermissions.EDIT);
        var criteria = criteria(tenderId);
        var errors = new LinkedHashMap<String, String>();
        if (name == null || name.isBlank()) {
            errors.put("name", "award.error.bidder-name");
        } else if (name.strip().length() > 200) {
            errors.put("name", "award.error.name-long");
        }
        if (price == null || price.signum() <= 0 || price.compareTo(new BigDecimal("999999999999.99")) > 0) {
            errors.put("price", "award.error.price");
        }
        for (Criterion c : criteria) {
            BigDecimal p = points.get(c.id());
            if (!c.price() && (p == null || p.signum() < 0 || p.compareTo(c.weight()) > 0)) {
                errors.put("points-" + c.id(), "award.error.points");
            }
        }
        if (us && dsl.fetchExists(AWARD_BIDDER, AWARD_BIDDER.TENDER_ID.eq(tenderId).and(AWARD_BIDDER.US.isTrue())
                .and(bidderId == null ? DSL.noCondition() : AWARD_BIDDER.ID.ne(bidderId)))) {
            errors.put("us", "award.error.second-us");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        try {
            return storeBidder(tenderId, bidderId, name, us, price, points, criteria);
        } catch (org.jooq.exception.IntegrityConstraintViolationException e) {
            throw new ChangedMeanwhileException(); // the tender or a criterion is gone
        }
    }

    private long storeBidder(long tenderId, Long bidderId, String name, boolean us, BigDecimal price, Map<Long, BigDecimal> points,
                             List<Criterion> criteria) {
        return dsl.transactionResult(tx -> {
            var t = tx.dsl();
            long id;
            if (bidderId == null) {
                id = t.insertInto(AWARD_BIDDER, AWARD_BIDDER.TENDER_ID, AWARD_BIDDER.NAME, AWARD_BIDDER.US, AWARD_BIDDER.PRICE)
                        .values(tenderId, name.strip(), us, price).returningResult(AWARD_BIDDER.ID).fetchSingle().value1();
            } else {
                id = bidderId;
                if (t.update(AWARD_BIDDER).set(AWARD_BIDDER.NAME, name.strip()).set(AWARD_BIDDER.US, us).set(AWARD_BIDDER.PRICE, price)
                        .where(AWARD_BIDDER.ID.eq(id).and(AWARD_BIDDER.TENDER_ID.eq(tenderId))).execute() == 0) {
                    throw new ChangedMeanwhileException();
                }
                t.deleteFrom(AWARD_SCORE).where(AWARD_SCORE.BIDDER_ID.eq(id)).execute();
            }
            for (Criterion c : criteria) {
                if (!c.price()) {
                    t.insertInto(AWARD_SCORE, AWARD_SCORE.BIDDER_ID, AWARD_SCORE.CRITERION_ID, AWARD_SCORE.POINTS)
                            .values(id, c.id(), points.get(c.id())).execute();
                }
            }
            return id;
        });
    }

    public void deleteBidder(long tenderId, long bidderId) {
        requirePermission.accept(TenderPermissions.EDIT);
        dsl.deleteFrom(AWARD_BIDDER).where(AWARD_BIDDER.ID.eq(bidderId).and(AWARD_BIDDER.TENDER_ID.eq(tenderId))).execute();
    }

    /**
     * Why the bidders cannot be ranked yet, as a message key: best price-quality needs one price
     * criterion and weights adding up to 100. Empty when they can.
     */
    public Optional<String> problem(long tenderId, AwardMethod method) {
        if (method == AwardMethod.LOWEST_PRICE) {
            return Optional.empty();
        }
        var criteria = criteria(tenderId);
        if (criteria.stream().noneMatch(Criterion::price)) {
            return Optional.of("award.problem.no-price");
        }
        BigDecimal sum = criteria.stream().map(Criterion::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.compareTo(HUNDRED) == 0 ? Optional.empty() : Optional.of("award.problem.weights");
    }

    /** The ranking of the entered bidders, and which bidder each ranked bid is. */
    public record Ranking(AwardResult result, Map<AwardResult.Bid, Bidder> bidders) {
        public Bidder bidderOf(AwardResult.Ranked ranked) {
            return bidders.get(ranked.bid());
        }
    }

    /** The ranking of the entered bidders; for a lowest price award on price alone. */
    public AwardResult result(long tenderId, AwardMethod method, PriceFormula formula) {
        return ranking(tenderId, method, formula).result();
    }

    public Ranking ranking(long tenderId, AwardMethod method, PriceFormula formula) {
        var criteria = criteria(tenderId);
        BigDecimal priceWeight = method == AwardMethod.LOWEST_PRICE ? HUNDRED
                : criteria.stream().filter(Criterion::price).map(Criterion::weight).findFirst().orElse(BigDecimal.ZERO);
        var sources = new IdentityHashMap<AwardResult.Bid, Bidder>();
        var bids = new ArrayList<AwardResult.Bid>();
        for (Bidder b : bidders(tenderId)) {
            var bid = new AwardResult.Bid(b.name(), b.us(), b.price(), method == AwardMethod.LOWEST_PRICE ? Map.of() : b.points());
            sources.put(bid, b);
            bids.add(bid);
        }
        return new Ranking(AwardResult.of(bids, priceWeight, formula), sources);
    }
}
