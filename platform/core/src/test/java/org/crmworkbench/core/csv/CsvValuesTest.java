package org.crmworkbench.core.csv;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class CsvValuesTest {

    @Test
    void amounts_are_read_as_spreadsheets_write_them() {
        assertThat(CsvValues.amount("1.234,56")).contains(new BigDecimal("1234.56"));
        assertThat(CsvValues.amount("1,234.56")).contains(new BigDecimal("1234.56"));
        assertThat(CsvValues.amount("€ 12")).contains(new BigDecimal("12"));
        assertThat(CsvValues.amount("twaalf")).isEmpty();
    }

    @Test
    void absurd_exponents_are_refused_before_anything_rounds_or_prints_them() {
        assertThat(CsvValues.amount("1e-999999999")).isEmpty();
        assertThat(CsvValues.amount("0.12345678901")).as("more than 10 decimals").isEmpty();
        assertThat(CsvValues.amount("1e3")).map(BigDecimal::intValueExact).contains(1000);
    }
}
