package org.crmworkbench.ui.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ShellMessagesTest {

    @Test
    void english_and_dutch_have_the_same_keys_and_no_empty_texts() throws IOException {
        Properties en = load("i18n/shell_en.properties");
        Properties nl = load("i18n/shell_nl.properties");
        assertThat(nl.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(en.values()).noneMatch(value -> value.toString().isBlank());
        assertThat(nl.values()).noneMatch(value -> value.toString().isBlank());
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = ShellMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
