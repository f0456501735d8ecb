package org.crmworkbench.bench;

import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.db.EmbeddedMariaDb;
import org.jooq.CloseableDSLContext;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor of the data generator: the rows it wrote to a table, read back by primary key into a CSV
 * file (not timed) and loaded with one {@code LOAD DATA LOCAL INFILE} into an empty copy of the table
 * ({@code CREATE TABLE ... LIKE}: the same columns, indexes and checks, no foreign keys), on the
 * generator's own session so that both load under the same settings. The copy and the file are
 * removed afterwards.
 */
final class LoadFloor {

    /** A table's load by the generator next to LOAD DATA of the same rows. */
    record Outcome(String table, long rows, double generatorSeconds, double floorSeconds, String sha256) {

        double generatorRowsPerSecond() {
            return rows / generatorSeconds;
        }

        double floorRowsPerSecond() {
            return rows / floorSeconds;
        }

        /** How many times as long as LOAD DATA the generator took. */
        double ratio() {
            return generatorSeconds / floorSeconds;
        }
    }

    /** A table's rows as a CSV file, and the SHA-256 of its bytes. */
    record Csv(Path file, long rows, String sha256) {
    }

    private static final int FETCH_SIZE = 10_000;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DSLContext session;
    private final Path dir;

    /** @param session a session from {@link #openSession}; @param dir where the CSV files are written */
    LoadFloor(DSLContext session, Path dir) {
        this.session = session;
        this.dir = dir;
    }

    /**
     * A connection of the benchmark's own for loading: foreign-key and unique checks off for the session (the
     * generator's rows are consistent by construction), and {@code LOAD DATA LOCAL INFILE} allowed, which MariaDB
     * Connector/J refuses without {@code allowLocalInfile}. One connection, so that the settings hold for every
     * statement.
     */
    static CloseableDSLContext openSession(EmbeddedMariaDb server) {
        // crm_core as the default database: the SEQUENCE engine's tables (seq_1_to_n) live in the current one
        CloseableDSLContext session = DSL.using(server.jdbcUrl() + CrmDatabase.CORE_SCHEMA + "?allowLocalInfile=true",
                server.user(), server.password());
        session.execute("SET SESSION foreign_key_checks = 0");
        session.execute("SET SESSION unique_checks = 0");
        return session;
    }

    /** Loads the rows the generator wrote to the load's table again, with LOAD DATA. */
    Outcome measure(CoreData.Load load) {
        System.out.printf("LOAD DATA of the %,d rows of %s ...%n", load.rows(), load.table().getName());
        Csv csv;
        try {
            csv = write(load);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the CSV file of " + load.table().getName() + " failed", e);
        }
        Table<?> copy = DSL.table(DSL.name(load.table().getSchema().getName(), "floor_" + load.table().getName()));
        try {
            session.execute("DROP TABLE IF EXISTS {0}", copy);
            session.execute("CREATE TABLE {0} LIKE {1}", copy, load.table());
            long start = System.nanoTime();
            int rows = session.execute("LOAD DATA LOCAL INFILE {0} INTO TABLE {1} CHARACTER SET utf8mb4 FIELDS TERMINATED BY ','"
                    + " ({2})", DSL.inline(csv.file().toAbsolutePath().toString()), copy,
                    DSL.list(exported(load).stream().map(field -> DSL.name(field.getName())).toList()));
            double seconds = (System.nanoTime() - start) / 1e9;
            int warnings = session.fetchSingle("SELECT @@warning_count").get(0, Integer.class);
            if (rows != csv.rows() || rows != load.rows() || warnings > 0) {
                throw new IllegalStateException("LOAD DATA of " + csv.file() + " loaded " + rows + " rows of " + csv.rows()
                        + " (the generator wrote " + load.rows() + ") with " + warnings + " warnings: not the same rows");
            }
            return new Outcome(load.table().getName(), rows, load.seconds(), seconds, csv.sha256());
        } finally {
            session.execute("DROP TABLE IF EXISTS {0}", copy);
            csv.file().toFile().delete();
        }
    }

    /**
     * Writes the table's primary key and the columns the generator wrote, by primary key, in the text format of
     * LOAD DATA with fields terminated by a comma: backslash escapes, {@code \N} for NULL, booleans as 1 and 0.
     */
    Csv write(CoreData.Load load) throws IOException {
        List<Field<?>> fields = exported(load);
        Files.createDirectories(dir);
        Path file = dir.resolve(load.table().getName() + ".csv");
        MessageDigest sha256 = sha256();
        long rows = 0;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(Files.newOutputStream(file), sha256),
                StandardCharsets.UTF_8), 1 << 16);
             Cursor<Record> cursor = session.select(fields).from(load.table()).orderBy(fields.getFirst())
                     .fetchSize(FETCH_SIZE).fetchLazy()) {
            var line = new StringBuilder();
            for (Record record : cursor) {
                line.setLength(0);
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    append(line, record.get(i));
                }
                out.append(line.append('\n'));
                rows++;
            }
        }
        return new Csv(file, rows, HexFormat.of().formatHex(sha256.digest()));
    }

    /** The generator's rows as a table for docs/benchmarks.md. */
    static String markdown(List<Outcome> outcomes) {
        var text = new StringBuilder("| table | rows | generator s | generator rows/s | LOAD DATA s | LOAD DATA rows/s | ratio "
                + "| SHA-256 of the CSV |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Outcome o : outcomes) {
            text.append(String.format("| %s | %,d | %.2f | %,.0f | %.2f | %,.0f | %.2f | `%s` |%n", o.table(), o.rows(),
                    o.generatorSeconds(), o.generatorRowsPerSecond(), o.floorSeconds(), o.floorRowsPerSecond(), o.ratio(),
                    o.sha256().substring(0, 16)));
        }
        if (outcomes.size() > 1) {
            long rows = outcomes.stream().mapToLong(Outcome::rows).sum();
            double generator = outcomes.stream().mapToDouble(Outcome::generatorSeconds).sum();
            double floor = outcomes.stream().mapToDouble(Outcome::floorSeconds).sum();
            text.append(String.format("| all | %,d | %.2f | %,.0f | %.2f | %,.0f | %.2f | |%n", rows, generator, rows / generator,
                    floor, rows / floor, generator / floor));
        }
        return text.toString();
    }

    private static List<Field<?>> exported(CoreData.Load load) {
        return Stream.concat(load.table().getPrimaryKey().getFields().stream(), load.columns().stream()).toList();
    }

    private static void append(StringBuilder line, Object value) {
        switch (value) {
            case null -> line.append("\\N");
            case Boolean b -> line.append(b ? '1' : '0');
            case BigDecimal d -> line.append(d.toPlainString());
            case LocalDateTime t -> line.append(DATE_TIME.format(t));
            default -> escape(line, value.toString());
        }
    }

    /** LOAD DATA's escaping: a backslash before the escape character itself, the field separator and control characters. */
    private static void escape(StringBuilder line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', ',' -> line.append('\\').append(c);
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                case '\0' -> line.append("\\0");
                default -> line.append(c);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
