package org.crmworkbench.plugin.tender;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every label exists in English and in Dutch. */
class MessagesTest {

    @Test
    void english_and_dutch_have_the_same_keys_and_no_empty_messages() throws IOException {
        var en = load("en");
        var nl = load("nl");
        assertThat(nl.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(en.stringPropertyNames()).allSatisfy(key -> {
            assertThat(en.getProperty(key)).as(key).isNotBlank();
            assertThat(nl.getProperty(key)).as(key).isNotBlank();
        });
    }

    private static Properties load(String language) throws IOException {
        var properties = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream("/i18n/tender-tracking_" + language + ".properties")) {
            assertThat(in).as("bundle " + language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
