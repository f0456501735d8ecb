package org.crmworkbench.plugin.chain;

import org.crmworkbench.plugin.chain.map.LinkKind;
import org.crmworkbench.plugin.chain.risk.RiskType;
import org.crmworkbench.plugin.chain.role.Role;
import org.crmworkbench.plugin.chain.transfer.LinkImport;
import org.crmworkbench.plugin.chain.trend.Trend;
import org.crmworkbench.plugin.chain.trend.TrendStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void every_label_and_action_key_of_the_enums_is_in_the_bundle() throws IOException {
        var keys = new ArrayList<String>();
        for (Role role : Role.values()) {
            keys.addAll(List.of(role.labelKey(), role.actionKey()));
        }
        for (LinkKind kind : LinkKind.values()) {
            keys.addAll(List.of(kind.forwardKey(), kind.backwardKey()));
        }
        for (RiskType type : RiskType.values()) {
            keys.add(type.labelKey());
        }
        for (Trend trend : Trend.values()) {
            keys.add(trend.labelKey());
        }
        for (TrendStatus status : TrendStatus.values()) {
            keys.add(status.labelKey());
        }
        for (LinkImport.Column column : LinkImport.Column.values()) {
            keys.add(column.labelKey());
        }
        assertThat(load("en").stringPropertyNames()).containsAll(keys);
    }

    private static Properties load(String language) throws IOException {
        var properties = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream("/i18n/wholesale-chain_" + language + ".properties")) {
            assertThat(in).as("bundle " + language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
