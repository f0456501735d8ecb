package org.crmworkbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps one section per benchmark in docs/benchmarks.md, replacing that section on every run. */
final class Report {

    private static final String HEADER = """
            # Benchmarks

            Written by `./crm bench <name>`; each run replaces its own section. Every figure is a median
            (or a percentile) over repeated runs, with the floor measured in the same run (bare SQL on the
            same data; for the UI an empty Vaadin round trip) and the ratio to it; absolute numbers are for
            context. No timing is asserted in the test suite.
            """;

    private Report() {
    }

    static void write(Path file, String name, String markdown) throws IOException {
        String begin = "<!-- bench:" + name + " -->";
        String end = "<!-- /bench:" + name + " -->";
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : HEADER;
        String section = begin + "\n" + markdown.strip() + "\n" + end;
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + section + text.substring(to + end.length());
        } else {
            text = text.stripTrailing() + "\n\n" + section + "\n";
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
