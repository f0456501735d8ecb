package org.crmworkbench.plugin.nps;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.demo.DemoDataContribution;
import org.crmworkbench.plugin.nps.answer.Answers;
import org.crmworkbench.plugin.nps.answer.Tagging;
import org.crmworkbench.plugin.nps.campaign.CampaignInput;
import org.crmworkbench.plugin.nps.campaign.Campaigns;
import org.crmworkbench.plugin.nps.campaign.CustomerGroups;
import org.crmworkbench.plugin.nps.followup.FollowUpLoop;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_CONTACTS;
import static org.crmworkbench.plugin.nps.jooq.Tables.ANSWER;
import static org.crmworkbench.plugin.nps.jooq.Tables.CAMPAIGN;
import static org.crmworkbench.plugin.nps.jooq.Tables.FOLLOW_UP;
import static org.crmworkbench.plugin.nps.jooq.Tables.INVITATION;

/**
 * Three campaigns over the last year (two closed, one running) to the customers' consenting
 * contacts, with about four in ten answering, comments that the keyword rules tag, anonymous
 * answers, and the closed loop: follow-ups for every detractor, those of the closed campaigns
 * closed with an outcome. Deterministic: scores and comments follow from the ids.
 */
@org.pf4j.Extension
public class NpsDemoData implements DemoDataContribution {

    static final List<String> COMMENTS = List.of(
            "Always delivered on time, great service.",
            "Prices went up again, too expensive for us.",
            "The delivery was late twice this quarter.",
            "Friendly helpdesk, they solve things quickly.",
            "Quality of the last batch was poor, several items broken.",
            "Goede service en snelle levering.",
            "Te duur vergeleken met andere leveranciers.",
            "De levering kwam te laat.",
            "Reliable partner, good quality.",
            "Invoice errors cost us time.");

    @Override
    public void seed(PluginContext context) {
        var dsl = context.dsl();
        LocalDate today = LocalDate.now(context.clock());
        var campaigns = new Campaigns(dsl, context.clock());
        String organisation = "CRM Workbench";
        long spring = campaign(dsl, campaigns, "Customer survey " + today.minusDays(330).getYear() + " H1",
                today.minusDays(330), today.minusDays(300), organisation, "CLOSED", 11);
        long autumn = campaign(dsl, campaigns, "Customer survey " + today.minusDays(150).getYear() + " H2",
                today.minusDays(150), today.minusDays(120), organisation, "CLOSED", 23);
        long now = campaign(dsl, campaigns, "Customer survey " + today.getYear() + " Q" + ((today.getMonthValue() - 1) / 3 + 1)
                        + " (" + today.minusDays(20) + ")",
                today.minusDays(20), today.plusDays(10), organisation, "RUNNING", 37);
        var tagging = new Tagging(dsl);
        dsl.select(ANSWER.ID).from(ANSWER).where(ANSWER.COMMENT.isNotNull()).fetch(ANSWER.ID).forEach(tagging::suggest);
        // anonymous answers through the running campaign's website link
        for (int i = 0; i < 24; i++) {
            int score = new int[] {10, 9, 8, 9, 6, 10, 7, 9}[i % 8];
            dsl.insertInto(ANSWER).set(ANSWER.CAMPAIGN_ID, now).set(ANSWER.SCORE, score)
                    .set(ANSWER.COMMENT, i % 3 == 0 ? COMMENTS.get(i % COMMENTS.size()) : null)
                    .set(ANSWER.ANSWERED_AT, today.minusDays(i % 18).atTime(10 + i % 8, 15))
                    .set(ANSWER.SOURCE, Answers.Source.ANONYMOUS.name()).execute();
        }
        var loop = new FollowUpLoop(dsl, context.clock(), context::followUps);
        int opened;
        do {
            opened = loop.openMissing();
        } while (opened > 0);
        // the follow-ups of the closed campaigns were handled long ago
        var old = dsl.select(FOLLOW_UP.ANSWER_ID).from(FOLLOW_UP).join(ANSWER).on(ANSWER.ID.eq(FOLLOW_UP.ANSWER_ID))
                .where(ANSWER.CAMPAIGN_ID.in(spring, autumn)).fetch(FOLLOW_UP.ANSWER_ID);
        for (long answer : old) {
            loop.close(answer, answer % 2 == 0 ? "Called the customer and agreed on an improvement plan."
                    : "Visited the customer; the issue was solved.", "demo");
        }
    }

    /**
     * A campaign with its invitations (consenting contacts of new and loyal customers, on the opening
     * day) and the answers of about four in ten of them, each within ten days.
     */
    private static long campaign(DSLContext dsl, Campaigns campaigns, String name, LocalDate opens, LocalDate closes,
                                 String organisation, String status, int salt) {
        long id = campaigns.create(new CampaignInput(name, Campaigns.defaultQuestion("en", organisation),
                Campaigns.defaultQuestion("nl", organisation), null, null, opens, closes,
                Set.of("NEW_CUSTOMER", "LOYAL_CUSTOMER"), Set.of(), null, Set.of(), true, 7), "demo");
        dsl.update(CAMPAIGN).set(CAMPAIGN.STATUS, status).where(CAMPAIGN.ID.eq(id)).execute();
        dsl.insertInto(INVITATION, INVITATION.CAMPAIGN_ID, INVITATION.CONTACT_ID, INVITATION.ACCOUNT_ID, INVITATION.EMAIL,
                        INVITATION.LANGUAGE, INVITATION.INVITED_AT, INVITATION.SENT_AT, INVITATION.REMINDED_AT)
                .select(DSL.select(DSL.val(id), V_CONTACTS.ID, V_CONTACTS.ACCOUNT_ID, V_CONTACTS.EMAIL,
                                DSL.when(V_ACCOUNTS.COUNTRY.in("NL", "BE"), "nl").otherwise("en"),
                                DSL.val(opens.atTime(9, 0)), DSL.val(opens.atTime(9, 5)),
                                DSL.when(V_CONTACTS.ID.mod(DSL.inline(2L)).eq(DSL.inline(0L)), DSL.val(opens.plusDays(7).atTime(9, 0))))
                        .from(V_CONTACTS).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(V_CONTACTS.ACCOUNT_ID))
                        .where(V_CONTACTS.ACTIVE.isTrue().and(V_CONTACTS.EMAIL_CONSENT.isTrue()).and(V_CONTACTS.EMAIL.isNotNull())
                                .and(V_ACCOUNTS.LIFECYCLE_STAGE.in("NEW_CUSTOMER", "LOYAL_CUSTOMER"))))
                .execute();
        // a pseudo-random number 0..99 per contact and campaign decides whether and how it answered
        Field<Long> draw = V_CONTACTS.ID.mul(DSL.inline(7919L)).plus(DSL.inline((long) salt * 104729L)).mod(DSL.inline(100L));
        Field<Long> second = V_CONTACTS.ID.mul(DSL.inline(31L)).plus(DSL.inline((long) salt)).mod(DSL.inline(10L));
        Field<Integer> score = DSL.when(draw.lt(DSL.inline(8L)), DSL.inline(10))
                .when(draw.lt(DSL.inline(16L)), DSL.inline(9))
                .when(draw.lt(DSL.inline(22L)), DSL.inline(8))
                .when(draw.lt(DSL.inline(27L)), DSL.inline(7))
                .when(draw.lt(DSL.inline(34L)), second.cast(Integer.class).mod(DSL.inline(7)))
                .otherwise(DSL.inline(9));
        var comment = DSL.when(second.lt(DSL.inline(5L)), DSL.inline((String) null));
        for (int i = 0; i < COMMENTS.size(); i++) {
            comment = comment.when(draw.mod(DSL.inline((long) COMMENTS.size())).eq(DSL.inline((long) i)), DSL.inline(COMMENTS.get(i)));
        }
        dsl.insertInto(ANSWER, ANSWER.CAMPAIGN_ID, ANSWER.INVITATION_ID, ANSWER.ACCOUNT_ID, ANSWER.CONTACT_ID, ANSWER.SCORE,
                        ANSWER.COMMENT, ANSWER.ANSWERED_AT, ANSWER.SOURCE, ANSWER.MANAGER_ID, ANSWER.CUSTOMER_GROUP,
                        ANSWER.LIFECYCLE_STAGE, ANSWER.DMU_ROLE)
                .select(DSL.select(DSL.val(id), INVITATION.ID, V_ACCOUNTS.ID, V_CONTACTS.ID, score, comment,
                                DSL.localDateTimeAdd(DSL.val(opens.atTime(11, 0)), second.cast(Integer.class), org.jooq.DatePart.DAY),
                                DSL.inline(Answers.Source.LINK.name()), V_ACCOUNTS.ACCOUNT_MANAGER_ID,
                                CustomerGroups.lastYear(opens), V_ACCOUNTS.LIFECYCLE_STAGE, V_CONTACTS.DMU_ROLE)
                        .from(INVITATION).join(V_CONTACTS).on(V_CONTACTS.ID.eq(INVITATION.CONTACT_ID))
                        .join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(INVITATION.ACCOUNT_ID))
                        .where(INVITATION.CAMPAIGN_ID.eq(id).and(draw.lt(DSL.inline(40L)))
                                .and(DSL.localDateTimeAdd(DSL.val(opens.atTime(11, 0)), second.cast(Integer.class), org.jooq.DatePart.DAY)
                                        .le(DSL.currentLocalDateTime()))))
                .execute();
        return id;
    }
}
