package org.crmworkbench.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the workbench: embedded (or external) MariaDB, plugin host and the Vaadin shell. */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
public class CrmApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(CrmApplication.class, args);
    }
}
