package org.crmworkbench.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackupsTest {

    @TempDir
    Path folder;

    @Test
    void a_backup_brings_back_the_data_as_it_was_after_changes_and_deletes() {
        var database = TestDatabase.get();
        var dsl = database.dsl();
        dsl.execute("DROP SCHEMA IF EXISTS crm_backup_check");
        dsl.execute("CREATE SCHEMA crm_backup_check");
        dsl.execute("CREATE TABLE crm_backup_check.note (id INT PRIMARY KEY, text VARCHAR(50))");
        dsl.execute("INSERT INTO crm_backup_check.note VALUES (1, 'één'), (2, 'two')");
        assertThat(database.schemas()).contains("crm_core", "crm_backup_check");
        var backups = database.backups(TestDatabase.dataDir().resolve("mariadb"));

        backups.dump(List.of("crm_backup_check"), folder);
        dsl.execute("UPDATE crm_backup_check.note SET text = 'changed' WHERE id = 1");
        dsl.execute("DELETE FROM crm_backup_check.note WHERE id = 2");
        dsl.execute("CREATE TABLE crm_backup_check.later (id INT)");
        backups.restore(folder);

        assertThat(dsl.fetch("SELECT id, text FROM crm_backup_check.note ORDER BY id").map(r -> r.intoList()))
                .containsExactly(List.of(1, "één"), List.of(2, "two"));
        assertThat(dsl.fetchCount(dsl.select().from("information_schema.tables")
                .where("table_schema = 'crm_backup_check' AND table_name = 'later'"))).as("the schema as it was").isZero();
        dsl.execute("DROP SCHEMA crm_backup_check");
    }
}
