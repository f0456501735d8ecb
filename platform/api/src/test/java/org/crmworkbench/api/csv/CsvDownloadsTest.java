package org.crmworkbench.api.csv;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CsvDownloadsTest {

    @Test
    void dutch_files_use_semicolons_others_commas() {
        assertThat(CsvDownloads.separator(Locale.forLanguageTag("nl-NL"))).isEqualTo(';');
        assertThat(CsvDownloads.separator(Locale.ENGLISH)).isEqualTo(',');
    }

    @Test
    void paging_reads_every_row_once_and_stops_after_the_short_page() {
        List<Integer> rows = IntStream.range(0, 2_500).boxed().toList();
        var pages = new ArrayList<Integer>();
        var seen = new ArrayList<Integer>();
        CsvDownloads.paged(1_000, (offset, limit) -> {
            pages.add(offset);
            return rows.subList(Math.min(offset, rows.size()), Math.min(offset + limit, rows.size()));
        }, seen::add);
        assertThat(seen).isEqualTo(rows);
        assertThat(pages).containsExactly(0, 1_000, 2_000);
    }
}
