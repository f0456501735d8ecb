package org.crmworkbench.plugin.rating.criteria;

import org.crmworkbench.db.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.plugin.rating.jooq.Tables.CRITERION;

/** The repository against the plugin's migrated schema on a real MariaDB. */
class CriteriaRepositoryIT {

    private static final DSLContext dsl = TestDatabase.get().dsl();
    private final CriteriaRepository criteria = new CriteriaRepository(dsl);

    @BeforeAll
    static void migrate() {
        Flyway.configure().dataSource(TestDatabase.get().dataSource()).schemas("crm_customer_rating")
                .createSchemas(true).locations("classpath:db/crm_customer_rating").load().migrate();
    }

    @BeforeEach
    void empty() {
        dsl.deleteFrom(CRITERION).execute();
    }

    @Test
    void pages_are_sorted_by_allow_listed_columns_only() {
        criteria.add("B", AssessmentMethod.PRODUCT, new BigDecimal("1"), null);
        criteria.add("A", AssessmentMethod.ACCOUNT, new BigDecimal("3"), 5);
        criteria.add("C", AssessmentMethod.ACCOUNT, new BigDecimal("2"), null);

        assertThat(criteria.page(0, 10, List.of(new CriteriaRepository.Sort("weight", false))))
                .extracting(Criterion::name).containsExactly("A", "C", "B");
        assertThat(criteria.page(1, 1, List.of(new CriteriaRepository.Sort("name", true))))
                .extracting(Criterion::name).containsExactly("B");
        assertThat(criteria.page(0, 10, List.of(new CriteriaRepository.Sort("1; DROP TABLE criterion", true))))
                .as("unknown sort keys are ignored").extracting(Criterion::name).containsExactly("A", "B", "C");
        assertThat(criteria.count()).isEqualTo(3);
    }

    @Test
    void names_are_unique() {
        criteria.add("Market share", AssessmentMethod.ACCOUNT, BigDecimal.ONE, null);
        assertThatThrownBy(() -> criteria.add("Market share", AssessmentMethod.PRODUCT, BigDecimal.TEN, null))
                .isInstanceOf(CriteriaRepository.DuplicateNameException.class);
        assertThat(criteria.count()).isEqualTo(1);
    }

    @Test
    void a_stale_delete_changes_nothing() {
        long id = criteria.add("X", AssessmentMethod.ACCOUNT, BigDecimal.ONE, null);
        dsl.update(CRITERION).set(CRITERION.VERSION, 1).where(CRITERION.ID.eq(id)).execute();
        assertThat(criteria.delete(id, 0)).isFalse();
        assertThat(criteria.delete(id, 1)).isTrue();
        assertThat(criteria.count()).isZero();
    }

    @Test
    void totals_per_method_come_from_one_grouped_query() {
        criteria.add("A", AssessmentMethod.ACCOUNT, new BigDecimal("3"), null);
        criteria.add("B", AssessmentMethod.ACCOUNT, new BigDecimal("2.5"), null);
        var totals = criteria.totalsByMethod();
        assertThat(totals.get(AssessmentMethod.ACCOUNT).count()).isEqualTo(2);
        assertThat(totals.get(AssessmentMethod.ACCOUNT).totalWeight()).isEqualByComparingTo("5.5");
        assertThat(totals).doesNotContainKey(AssessmentMethod.PRODUCT);
    }
}
