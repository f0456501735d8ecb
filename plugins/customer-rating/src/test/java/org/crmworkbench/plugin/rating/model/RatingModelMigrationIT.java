package org.crmworkbench.plugin.rating.model;

import org.crmworkbench.db.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** V005 on a schema that already has criteria: they become version 1 of a default model. */
class RatingModelMigrationIT {

    private static final String SCHEMA = "crm_rating_migration_test";
    private final DSLContext dsl = TestDatabase.get().dsl();

    @Test
    void existing_criteria_move_into_a_default_model_with_a_first_version() {
        dsl.execute("DROP SCHEMA IF EXISTS " + SCHEMA);
        flyway("4").migrate();
        dsl.execute("INSERT INTO " + SCHEMA + ".criterion (name, method, weight, min_score) VALUES "
                + "('Market position', 'ACCOUNT', 3, NULL), ('Relationship strength', 'RELATIONSHIP', 2, 5)");

        flyway("latest").migrate();

        var model = dsl.fetchSingle("SELECT id, name, is_default, version FROM " + SCHEMA + ".rating_model");
        assertThat(model.get("name", String.class)).isEqualTo("Standard");
        assertThat(model.get("is_default", Boolean.class)).isTrue();
        assertThat(model.get("version", Integer.class)).isEqualTo(1);
        var models = new RatingModels(DSL.using(dsl.configuration().derive(
                new org.jooq.conf.Settings().withRenderMapping(new org.jooq.conf.RenderMapping()
                        .withSchemata(new org.jooq.conf.MappedSchema().withInput("crm_customer_rating").withOutput(SCHEMA))))),
                java.time.Clock.systemUTC());
        long id = model.get("id", Long.class);
        assertThat(models.criteria(id)).extracting(ModelCriterion::nameNl, ModelCriterion::kind, ModelCriterion::minScore)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Market position", CriterionKind.MANUAL, null),
                        org.assertj.core.groups.Tuple.tuple("Relationship strength", CriterionKind.MANUAL, 5));
        assertThat(models.criteriaOfVersion(id, 1)).hasSize(2);
        assertThat(models.versions(id)).extracting(RatingModels.VersionHeader::savedBy).containsExactly("migration");
        dsl.execute("DROP SCHEMA " + SCHEMA);
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(TestDatabase.get().dataSource()).schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/crm_customer_rating").target(target).load();
    }
}
