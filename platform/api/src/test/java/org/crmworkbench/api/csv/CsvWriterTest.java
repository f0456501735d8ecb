package org.crmworkbench.api.csv;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    @Test
    void fields_are_quoted_when_needed_and_formulas_are_defused() {
        var out = new StringWriter();
        var csv = new CsvWriter(out, ';');
        csv.row(List.of("name", "city"));
        csv.row(Arrays.asList("Bakkerij \"De Zon\"; Gent", null, "=HYPERLINK(\"x\")", "-12,5", "regel 1\nregel 2", 42));

        assertThat(out.toString()).isEqualTo("name;city\r\n"
                + "\"Bakkerij \"\"De Zon\"\"; Gent\";;\"'=HYPERLINK(\"\"x\"\")\";-12,5;\"regel 1\nregel 2\";42\r\n");
    }

    @Test
    void a_comma_separated_file_quotes_commas_only() {
        var out = new StringWriter();
        new CsvWriter(out, ',').row(List.of("a,b", "c;d", "@mention"));
        assertThat(out.toString()).isEqualTo("\"a,b\",c;d,'@mention\r\n");
    }
}
