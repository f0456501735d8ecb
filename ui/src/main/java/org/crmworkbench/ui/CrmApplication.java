package org.crmworkbench.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * Starts the workbench: embedded (or external) MariaDB, plugin host and the Vaadin shell; or, with
 * {@code token} as first argument, creates an API token ({@link TokenCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
public class CrmApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(TokenCommand.NAME)) {
            PrintStream stdout = System.out;
            System.setOut(System.err); // log lines go to stderr: stdout carries the token alone, for $(./crm token ...)
            System.exit(TokenCommand.run(Arrays.copyOfRange(args, 1, args.length), stdout, System.err));
        }
        if (args.length > 0 && (args[0].equals(BackupCommand.BACKUP) || args[0].equals(BackupCommand.RESTORE))) {
            System.exit(BackupCommand.run(args[0], Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(CrmApplication.class, args);
    }
}
