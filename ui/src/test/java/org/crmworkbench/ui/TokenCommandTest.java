package org.crmworkbench.ui;

import org.crmworkbench.core.api.ApiTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./crm token} against the data folder of a running workbench (this test's context). */
class TokenCommandTest extends UiTest {

    @Autowired
    ApiTokens tokens;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void creates_a_token_for_a_user_and_prints_it_once_while_the_workbench_runs() {
        int code = run("--user", "manager", "--name", "nightly ERP sync", "--crm.data-dir=" + DATA_DIR);

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String secret = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(secret).startsWith("crm_").doesNotContain("\n");
        assertThat(tokens.authenticate(secret)).contains("manager");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nightly ERP sync").contains("only this once");
    }

    @Test
    void wrong_arguments_and_unknown_users_are_refused_without_a_token() {
        assertThat(run("--user", "manager")).isEqualTo(2);
        assertThat(run("--name", "x", "--user")).isEqualTo(2);
        assertThat(run("--user", "nobody", "--name", "x", "--crm.data-dir=" + DATA_DIR)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ./crm token").contains("No active user 'nobody'");
        assertThat(out.size()).isZero();
    }

    private int run(String... args) {
        return TokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
