package org.crmworkbench.core.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.bundled();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            short1!                      | password.too-short
            elevenchars                  | password.too-short
            qazwsxedcrfv                 | password.common
            LeaveMeAlone                 | password.common
            1q2w3e4r5t6y                 | password.common
            Password1234                 | password.common
            football2024!                | password.common
            aaaaaaaaaaaaaaaa             | password.repeated
            my-name-is-sales2-ok         | password.contains-username
            """)
    void refuses_short_common_repeated_and_personal_passwords(String password, String problem) {
        assertThat(policy.problem(password, "sales2")).contains(problem);
    }

    @Test
    void accepts_long_uncommon_passphrases_in_any_script() {
        assertThat(policy.problem("correct horse battery staple", "sales2")).isEmpty();
        assertThat(policy.problem("Fietsenstalling-Utrecht-42", "sales2")).isEmpty();
        assertThat(policy.problem("żółć gęślą jaźń", "sales2")).isEmpty();
    }

    @Test
    void counts_characters_not_chars_and_stops_at_what_bcrypt_reads() {
        assertThat(policy.problem("😀😀😀😀😀😀😀😀😀😀😀🙂", "x")).isEmpty(); // 12 code points, 24 chars
        assertThat(policy.problem("a".repeat(71) + "b", "x")).isEmpty();
        assertThat(policy.problem("a".repeat(72) + "b", "x")).contains("password.too-long");
        assertThat(policy.problem("é".repeat(36) + "x", "x")).contains("password.too-long"); // 73 bytes
    }

    @Test
    void the_bundled_list_holds_thirty_thousand_leaked_passwords() {
        assertThat(policy.isCommon("123456")).isTrue();
        assertThat(policy.isCommon("TRUSTNO1")).isTrue();
        assertThat(policy.isCommon("correct horse battery staple")).isFalse();
    }
}
