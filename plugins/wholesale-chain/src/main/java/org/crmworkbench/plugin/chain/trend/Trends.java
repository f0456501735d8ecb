package org.crmworkbench.plugin.chain.trend;

import org.crmworkbench.plugin.chain.ChainPermissions;
import org.crmworkbench.plugin.chain.ChangedMeanwhileException;
import org.crmworkbench.plugin.chain.InputRejectedException;
import org.crmworkbench.plugin.chain.map.Chains;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_TREND;

/** The trend checklist of a chain (product group): every trend with its status and our response. */
public final class Trends {

    public static final int MAX_RESPONSE = 2000;

    /**
     * One trend of a chain.
     *
     * @param version -1 while nothing has been recorded for it
     */
    public record Item(Trend trend, TrendStatus status, String response, LocalDateTime updatedAt, String updatedBy, int version) {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public Trends(DSLContext dsl, Clock clock) {
        this(dsl, clock, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public Trends(DSLContext dsl, Clock clock, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.clock = clock;
        this.requirePermission = requirePermission;
    }

    /** All five trends in their order; those not yet looked at are OPEN without a response. */
    public List<Item> of(String productGroup) {
        var stored = dsl.selectFrom(CHAIN_TREND).where(CHAIN_TREND.PRODUCT_GROUP.eq(productGroup)).fetchMap(r -> Trend.valueOf(r.getTrend()));
        var items = new ArrayList<Item>();
        for (Trend trend : Trend.values()) {
            var r = stored.get(trend);
            items.add(r == null ? new Item(trend, TrendStatus.OPEN, "", null, null, -1)
                    : new Item(trend, TrendStatus.valueOf(r.getStatus()), r.getResponse(), r.getUpdatedAt(), r.getUpdatedBy(), r.getVersion()));
        }
        return items;
    }

    /**
     * Records our response to a trend that still has {@code version} (-1: none recorded yet).
     *
     * @throws InputRejectedException    when the product group is blank or too long, the status is missing or the response too long
     * @throws ChangedMeanwhileException when someone recorded another response in between
     */
    public void save(String productGroup, Trend trend, TrendStatus status, String response, int version, String by) {
        requirePermission.accept(ChainPermissions.EDIT);
        String text = response == null ? "" : response.strip();
        if (productGroup == null || productGroup.isBlank() || productGroup.strip().length() > Chains.MAX_GROUP) {
            throw new InputRejectedException("productGroup", "link.error.group-required");
        }
        if (status == null) {
            throw new InputRejectedException("status", "trends.error.status");
        }
        if (text.length() > MAX_RESPONSE) {
            throw new InputRejectedException("response", "trends.error.response-long");
        }
        var now = LocalDateTime.now(clock);
        int rows;
        if (version < 0) {
            try {
                rows = dsl.insertInto(CHAIN_TREND, CHAIN_TREND.PRODUCT_GROUP, CHAIN_TREND.TREND, CHAIN_TREND.STATUS, CHAIN_TREND.RESPONSE,
                        CHAIN_TREND.UPDATED_AT, CHAIN_TREND.UPDATED_BY).values(productGroup, trend.name(), status.name(), text, now, by).execute();
            } catch (IntegrityConstraintViolationException e) {
                throw new ChangedMeanwhileException();
            }
        } else {
            rows = dsl.update(CHAIN_TREND).set(CHAIN_TREND.STATUS, status.name()).set(CHAIN_TREND.RESPONSE, text).set(CHAIN_TREND.UPDATED_AT, now)
                    .set(CHAIN_TREND.UPDATED_BY, by).set(CHAIN_TREND.VERSION, CHAIN_TREND.VERSION.plus(1))
                    .where(CHAIN_TREND.PRODUCT_GROUP.eq(productGroup).and(CHAIN_TREND.TREND.eq(trend.name())).and(CHAIN_TREND.VERSION.eq(version)))
                    .execute();
        }
        if (rows == 0) {
            throw new ChangedMeanwhileException();
        }
    }
}
