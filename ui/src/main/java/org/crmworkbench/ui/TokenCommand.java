package org.crmworkbench.ui;

import org.crmworkbench.core.api.ApiTokens;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.user.UserAccounts;
import org.crmworkbench.db.CrmDatabase;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;

/**
 * {@code ./crm token --user NAME --name LABEL [--crm.data-dir=...]}: creates a personal API token for
 * a user and prints it once on standard output (messages go to standard error), for scripts and
 * integrations. Reads the same {@code crm.*} settings as the app; with the embedded database it
 * works whether or not the workbench is running.
 */
final class TokenCommand {

    static final String NAME = "token";
    private static final String USAGE = "usage: ./crm token --user NAME --name LABEL [--crm.data-dir=<folder>]";

    private TokenCommand() {
    }

    /** @return the process exit code: 0 created, 1 refused, 2 wrong arguments */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String user = null;
        String label = null;
        var settings = new ArrayList<String>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--user") || arg.equals("--name")) {
                if (i + 1 == args.length) {
                    err.println(USAGE);
                    return 2;
                }
                if (arg.equals("--user")) {
                    user = args[++i];
                } else {
                    label = args[++i];
                }
            } else if (arg.startsWith("--user=")) {
                user = arg.substring("--user=".length());
            } else if (arg.startsWith("--name=")) {
                label = arg.substring("--name=".length());
            } else if (arg.startsWith("--crm.")) {
                settings.add(arg);
            } else {
                err.println(USAGE);
                return 2;
            }
        }
        if (user == null || user.isBlank() || label == null) {
            err.println(USAGE);
            return 2;
        }
        var context = ToolSettings.load(settings);
        try (context; var database = CrmDatabase.openForTool(context.getBean(CrmProperties.class).databaseSettings())) {
            var found = new UserAccounts(database.dsl(), new BCryptPasswordEncoder()).findByUsername(user.strip());
            if (found.isEmpty() || !found.get().active()) {
                err.println("No active user '" + user.strip() + "'.");
                return 1;
            }
            var created = new ApiTokens(database.dsl(), Clock.systemDefaultZone()).create(found.get().user().id(), label);
            out.println(created.secret());
            err.println("API token '" + created.token().name() + "' created for " + user.strip()
                    + ". It is shown only this once; revoke it under API tokens in the user menu.");
            return 0;
        } catch (InvalidInputException e) {
            err.println("The token needs a name of 1 to 100 characters (--name LABEL).");
            return 1;
        }
    }
}
