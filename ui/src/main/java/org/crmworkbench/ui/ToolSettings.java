package org.crmworkbench.ui;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * The {@code crm.*} settings for a command-line tool ({@code ./crm token}, {@code backup}, {@code restore}):
 * read as the app reads them (application.properties, environment, {@code --name=value} arguments), but
 * without a web server or plugins.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CrmProperties.class)
class ToolSettings {

    /** A context that holds the {@link CrmProperties}; close it when the tool is done. */
    static ConfigurableApplicationContext load(List<String> arguments) {
        return new SpringApplicationBuilder(ToolSettings.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).registerShutdownHook(false)
                .properties(Map.of("logging.level.root", "warn", "logging.level.org.jooq", "error"))
                .run(arguments.toArray(String[]::new));
    }
}
