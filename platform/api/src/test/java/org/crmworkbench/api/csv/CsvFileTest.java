package org.crmworkbench.api.csv;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvFileTest {

    @Test
    void dutch_excel_files_with_bom_semicolons_and_quoted_line_breaks_are_read_with_line_numbers() throws Exception {
        byte[] bytes = ("\uFEFFNaam;KvK;Notities\r\n"
                + "Bakkerij \"De Zon\";12345678;\"regel 1\r\nregel 2\"\r\n"
                + "\r\n"
                + "\"Garage; Bos\";87654321;\r\n").getBytes(StandardCharsets.UTF_8);

        var file = CsvFile.parse(bytes);

        assertThat(file.separator()).isEqualTo(';');
        assertThat(file.header()).containsExactly("Naam", "KvK", "Notities");
        assertThat(file.records()).hasSize(2);
        assertThat(file.records().get(0).number()).isEqualTo(2);
        assertThat(file.records().get(0).value(2)).isEqualTo("regel 1\r\nregel 2");
        assertThat(file.records().get(1).number()).as("after a two-line record and an empty line").isEqualTo(5);
        assertThat(file.records().get(1).value(0)).isEqualTo("Garage; Bos");
        assertThat(file.records().get(1).value(7)).as("missing columns read as empty").isEmpty();
    }

    @Test
    void comma_files_without_bom_work_too() throws Exception {
        var file = CsvFile.parse("name,city\nA,\"Gent, BE\"".getBytes(StandardCharsets.UTF_8));
        assertThat(file.separator()).isEqualTo(',');
        assertThat(file.records().getFirst().values()).containsExactly("A", "Gent, BE");
    }

    @Test
    void invalid_utf8_empty_files_and_open_quotes_are_reported_with_their_line() {
        byte[] latin1 = "naam\nCaf\u00e9 Zon\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CsvFile.parse(latin1)).isInstanceOfSatisfying(CsvFile.UnreadableException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("csv.error.encoding");
            assertThat(e.line()).isEqualTo(2);
        });
        assertThatThrownBy(() -> CsvFile.parse(" \n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CsvFile.UnreadableException.class, e -> assertThat(e.messageKey()).isEqualTo("csv.error.empty"));
        assertThatThrownBy(() -> CsvFile.parse("a;b\n1;\"open\n2;3\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CsvFile.UnreadableException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("csv.error.quote");
                    assertThat(e.line()).isEqualTo(2);
                });
    }
}
