package org.crmworkbench.ui.plugin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import org.crmworkbench.db.CrmDatabase;
import org.crmworkbench.ui.UiTest;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Forged and altered links on the public NPS answer page: a page saying so, and nothing stored. */
@WithAnonymousUser
class NpsForgedTokenTest extends UiTest {

    @Autowired
    CrmDatabase database;

    @Test
    void an_altered_or_forged_link_shows_the_not_found_page_and_stores_nothing() throws Exception {
        var dsl = database.dsl();
        long invitation = dsl.fetchSingle("SELECT MIN(i.id) FROM crm_nps_surveys.invitation i JOIN crm_nps_surveys.campaign c"
                + " ON c.id = i.campaign_id WHERE c.status = 'RUNNING'").get(0, Long.class);
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String real = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        dsl.execute("INSERT INTO crm_nps_surveys.invitation_token VALUES (?, ?, ?)",
                java.security.MessageDigest.getInstance("SHA-256").digest(real.getBytes(StandardCharsets.US_ASCII)),
                invitation, LocalDateTime.now());
        long[] before = counts();

        char last = real.charAt(42);
        List<String> forged = List.of(real.substring(0, 42) + (last == 'A' ? 'B' : 'A'), real.substring(0, 42), real + "A",
                "' OR '1'='1", "<script>alert(1)</script>", "A".repeat(5_000));
        for (String token : forged) {
            UI.getCurrent().navigate("public/nps-surveys/answer/" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            assertThat($(H1.class).single().getText()).as(token.length() > 50 ? "long" : token)
                    .isIn("Link not found", "Link niet gevonden");
            assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain("<script>");
        }
        assertThat(counts()).as("answers, opt-outs, tokens").containsExactly(before);

        UI.getCurrent().navigate("public/nps-surveys/answer/" + real);
        assertThat($(H1.class).single().getText()).as("the real link still opens").isNotIn("Link not found", "Link niet gevonden");
    }

    private long[] counts() {
        var dsl = database.dsl();
        return new long[]{dsl.fetchCount(DSL.table(DSL.name("crm_nps_surveys", "answer"))),
                dsl.fetchCount(DSL.table(DSL.name("crm_nps_surveys", "opt_out"))),
                dsl.fetchCount(DSL.table(DSL.name("crm_nps_surveys", "invitation_token")))};
    }
}
