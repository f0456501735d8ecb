package org.crmworkbench.plugin.rating.criteria;

import org.crmworkbench.plugin.rating.jooq.tables.records.CriterionRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.crmworkbench.plugin.rating.jooq.Tables.CRITERION;

/** Rating criteria in the plugin's own schema. */
public final class CriteriaRepository {

    /** Grid column keys that may be sorted on, mapped to columns: nothing else reaches the SQL. */
    static final Map<String, Field<?>> SORTABLE = Map.of(
            "name", CRITERION.NAME, "method", CRITERION.METHOD, "weight", CRITERION.WEIGHT, "minScore", CRITERION.MIN_SCORE);

    private final DSLContext dsl;

    public CriteriaRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One page, sorted by the given allow-listed columns and then by name. */
    public List<Criterion> page(int offset, int limit, List<Sort> sorts) {
        var order = new ArrayList<SortField<?>>();
        for (Sort sort : sorts) {
            Field<?> field = SORTABLE.get(sort.column());
            if (field != null) {
                order.add(sort.ascending() ? field.asc() : field.desc());
            }
        }
        order.add(CRITERION.NAME.asc());
        return dsl.selectFrom(CRITERION).orderBy(order).offset(offset).limit(limit).fetch(CriteriaRepository::toCriterion);
    }

    public int count() {
        return dsl.fetchCount(CRITERION);
    }

    /**
     * Adds a criterion.
     *
     * @throws DuplicateNameException when another criterion already has that name
     */
    public long add(String name, AssessmentMethod method, BigDecimal weight, Integer minScore) {
        try {
            return dsl.insertInto(CRITERION)
                    .set(CRITERION.NAME, name.strip())
                    .set(CRITERION.METHOD, method.name())
                    .set(CRITERION.WEIGHT, weight)
                    .set(CRITERION.MIN_SCORE, minScore)
                    .returningResult(CRITERION.ID)
                    .fetchSingle().value1();
        } catch (IntegrityConstraintViolationException e) {
            if (e.getMessage() != null && e.getMessage().contains("uq_criterion_name")) {
                throw new DuplicateNameException(name);
            }
            throw e;
        }
    }

    /** Deletes a criterion if it still has the given version; false when it changed or was deleted. */
    public boolean delete(long id, int version) {
        return dsl.deleteFrom(CRITERION).where(CRITERION.ID.eq(id).and(CRITERION.VERSION.eq(version))).execute() == 1;
    }

    /** Number of criteria and total weight per assessment method, in one query. */
    public Map<AssessmentMethod, MethodTotal> totalsByMethod() {
        var totals = new EnumMap<AssessmentMethod, MethodTotal>(AssessmentMethod.class);
        dsl.select(CRITERION.METHOD, DSL.count(), DSL.sum(CRITERION.WEIGHT))
                .from(CRITERION).groupBy(CRITERION.METHOD)
                .forEach(row -> totals.put(AssessmentMethod.valueOf(row.value1()), new MethodTotal(row.value2(), row.value3())));
        return totals;
    }

    private static Criterion toCriterion(CriterionRecord record) {
        return new Criterion(record.getId(), record.getName(), AssessmentMethod.valueOf(record.getMethod()),
                record.getWeight(), record.getMinScore(), record.getVersion());
    }

    /**
     * A requested sort.
     *
     * @param column    grid column key
     * @param ascending direction
     */
    public record Sort(String column, boolean ascending) {
    }

    /**
     * Criteria of one method.
     *
     * @param count       how many
     * @param totalWeight sum of their weights
     */
    public record MethodTotal(int count, BigDecimal totalWeight) {
    }

    /** Criterion names are unique. */
    public static final class DuplicateNameException extends RuntimeException {
        DuplicateNameException(String name) {
            super("a criterion named " + name + " exists already");
        }
    }
}
