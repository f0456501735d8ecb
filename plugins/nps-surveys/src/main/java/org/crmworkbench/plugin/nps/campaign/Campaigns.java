package org.crmworkbench.plugin.nps.campaign;

import org.crmworkbench.plugin.nps.NpsPermissions;
import org.crmworkbench.plugin.nps.answer.Tokens;
import org.crmworkbench.plugin.nps.jooq.tables.records.CampaignRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_CONTACTS;
import static org.crmworkbench.plugin.nps.jooq.Tables.ANSWER;
import static org.crmworkbench.plugin.nps.jooq.Tables.CAMPAIGN;
import static org.crmworkbench.plugin.nps.jooq.Tables.INVITATION;
import static org.crmworkbench.plugin.nps.jooq.Tables.OPT_OUT;

/**
 * Survey campaigns: editing with validation and optimistic locking, the status steps, and inviting
 * the target contacts in one set-based statement that honours consent, opt-outs and the fatigue rule.
 */
public final class Campaigns {

    public static final Set<String> STAGES = Set.of("SUSPECT", "PROSPECT", "LEAD", "HOT_LEAD", "NEW_CUSTOMER",
            "LOYAL_CUSTOMER", "EX_CUSTOMER");
    public static final Set<String> DMU_ROLES = Set.of("USER", "INFLUENCER", "BUYER", "DECIDER", "GATEKEEPER", "INITIATOR");
    static final int MAX_QUESTION = 500;

    /** Sort keys the campaign list accepts. */
    public enum Sort { NAME, STATUS, OPENS_ON, CLOSES_ON }

    private final DSLContext dsl;
    private final Clock clock;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public Campaigns(DSLContext dsl, Clock clock) {
        this(dsl, clock, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public Campaigns(DSLContext dsl, Clock clock, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.clock = clock;
        this.requirePermission = requirePermission;
    }

    /** The default question for a new campaign, naming the organisation. */
    public static String defaultQuestion(String language, String organisation) {
        return org.crmworkbench.plugin.nps.Texts.get(language, "campaign.default-question", organisation);
    }

    public List<Campaign> page(String search, Sort sort, boolean descending, int offset, int limit) {
        Field<?> key = switch (sort == null ? Sort.OPENS_ON : sort) {
            case NAME -> CAMPAIGN.NAME;
            case STATUS -> CAMPAIGN.STATUS;
            case OPENS_ON -> CAMPAIGN.OPENS_ON;
            case CLOSES_ON -> CAMPAIGN.CLOSES_ON;
        };
        SortField<?> order = descending ? key.desc() : key.asc();
        return select().where(matches(search)).orderBy(order, CAMPAIGN.ID.desc()).offset(offset).limit(limit)
                .fetch(this::campaign);
    }

    public int count(String search) {
        return dsl.fetchCount(CAMPAIGN, matches(search));
    }

    public Optional<Campaign> find(long id) {
        return select().where(CAMPAIGN.ID.eq(id)).fetchOptional(this::campaign);
    }

    /** All campaigns, newest first, for choosers. */
    public List<Campaign> all() {
        return select().orderBy(CAMPAIGN.OPENS_ON.desc(), CAMPAIGN.ID.desc()).fetch(this::campaign);
    }

    private static Condition matches(String search) {
        return search == null || search.isBlank() ? DSL.trueCondition()
                : CAMPAIGN.NAME.containsIgnoreCase(search.strip());
    }

    private org.jooq.SelectJoinStep<Record> select() {
        var invited = DSL.field(DSL.selectCount().from(INVITATION).where(INVITATION.CAMPAIGN_ID.eq(CAMPAIGN.ID)));
        var sent = DSL.field(DSL.selectCount().from(INVITATION)
                .where(INVITATION.CAMPAIGN_ID.eq(CAMPAIGN.ID).and(INVITATION.SENT_AT.isNotNull())));
        var answered = DSL.field(DSL.selectCount().from(ANSWER).where(ANSWER.CAMPAIGN_ID.eq(CAMPAIGN.ID)));
        return dsl.select(CAMPAIGN.fields()).select(invited.as("invited"), sent.as("sent"), answered.as("answered"))
                .from(CAMPAIGN);
    }

    private Campaign campaign(Record r) {
        CampaignRecord c = r.into(CAMPAIGN);
        var input = new CampaignInput(c.getName(), c.getQuestionEn(), c.getQuestionNl(), c.getFollowUpEn(), c.getFollowUpNl(),
                c.getOpensOn(), c.getClosesOn(), split(c.getTargetStages()), split(c.getTargetGroups()),
                c.getTargetManagerId(), split(c.getTargetDmuRoles()), c.getConsentOnly(), c.getReminderDays());
        return new Campaign(c.getId(), input, CampaignStatus.valueOf(c.getStatus()), c.getVersion(),
                r.get("invited", Integer.class), r.get("answered", Integer.class), r.get("sent", Integer.class),
                c.getAnonymousTokenHash() != null);
    }

    private static Set<String> split(String list) {
        return list == null || list.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(list.split(",")));
    }

    private static String join(Set<String> values) {
        return String.join(",", new TreeSet<>(values));
    }

    /** What is wrong with the input, field to message key; empty when it may be saved. */
    public Map<String, String> check(CampaignInput input, Long id) {
        var errors = new LinkedHashMap<String, String>();
        if (input.name() == null || input.name().isBlank()) {
            errors.put("name", "campaign.error.name-required");
        } else if (input.name().strip().length() > 200) {
            errors.put("name", "campaign.error.name-too-long");
        } else if (dsl.fetchExists(CAMPAIGN, CAMPAIGN.NAME.eq(input.name().strip())
                .and(id == null ? DSL.trueCondition() : CAMPAIGN.ID.ne(id)))) {
            errors.put("name", "campaign.error.name-taken");
        }
        question(errors, "questionEn", input.questionEn(), true);
        question(errors, "questionNl", input.questionNl(), true);
        question(errors, "followUpEn", input.followUpEn(), false);
        question(errors, "followUpNl", input.followUpNl(), false);
        if (input.opensOn() == null) {
            errors.put("opensOn", "campaign.error.opens-required");
        }
        if (input.closesOn() == null) {
            errors.put("closesOn", "campaign.error.closes-required");
        } else if (input.opensOn() != null && input.closesOn().isBefore(input.opensOn())) {
            errors.put("closesOn", "campaign.error.closes-before-opens");
        }
        if (!STAGES.containsAll(input.stages())) {
            errors.put("stages", "campaign.error.stages");
        }
        if (!CustomerGroups.ALL.containsAll(input.groups())) {
            errors.put("groups", "campaign.error.groups");
        }
        if (!DMU_ROLES.containsAll(input.dmuRoles())) {
            errors.put("dmuRoles", "campaign.error.dmu-roles");
        }
        if (input.reminderDays() < 1 || input.reminderDays() > 60) {
            errors.put("reminderDays", "campaign.error.reminder-days");
        }
        return errors;
    }

    private static void question(Map<String, String> errors, String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.put(field, "campaign.error.question-required");
            }
        } else if (text.strip().length() > MAX_QUESTION) {
            errors.put(field, "campaign.error.question-too-long");
        }
    }

    /**
     * Stores a new draft campaign.
     *
     * @throws CampaignRejectedException when the input breaks a rule
     */
    public long create(CampaignInput input, String by) {
        requirePermission.accept(NpsPermissions.MANAGE);
        reject(check(input, null));
        try {
            var record = dsl.newRecord(CAMPAIGN);
            fill(record, input, by);
            record.setStatus(CampaignStatus.DRAFT.name());
            record.store();
            return record.getId();
        } catch (IntegrityConstraintViolationException e) {
            throw new CampaignRejectedException(Map.of("name", "campaign.error.name-taken"));
        }
    }

    /**
     * Changes a campaign that still has {@code expectedVersion}. A closed campaign cannot change.
     *
     * @throws CampaignRejectedException when the input breaks a rule or the campaign is closed
     * @throws CampaignChangedException  when someone saved or deleted it in between
     */
    public void update(long id, int expectedVersion, CampaignInput input, String by) {
        requirePermission.accept(NpsPermissions.MANAGE);
        var current = find(id).orElseThrow(CampaignChangedException::new);
        if (current.status() == CampaignStatus.CLOSED) {
            throw new CampaignRejectedException(Map.of("status", "campaign.error.closed"));
        }
        reject(check(input, id));
        var record = dsl.newRecord(CAMPAIGN);
        fill(record, input, by);
        int rows;
        try {
            rows = dsl.update(CAMPAIGN).set(record).set(CAMPAIGN.VERSION, CAMPAIGN.VERSION.plus(1))
                    .where(CAMPAIGN.ID.eq(id).and(CAMPAIGN.VERSION.eq(expectedVersion))).execute();
        } catch (IntegrityConstraintViolationException e) {
            throw new CampaignRejectedException(Map.of("name", "campaign.error.name-taken"));
        }
        if (rows == 0) {
            throw new CampaignChangedException();
        }
    }

    private void fill(CampaignRecord record, CampaignInput input, String by) {
        record.setName(input.name().strip());
        record.setQuestionEn(input.questionEn().strip());
        record.setQuestionNl(input.questionNl().strip());
        record.setFollowUpEn(blankToNull(input.followUpEn()));
        record.setFollowUpNl(blankToNull(input.followUpNl()));
        record.setOpensOn(input.opensOn());
        record.setClosesOn(input.closesOn());
        record.setTargetStages(join(input.stages()));
        record.setTargetGroups(join(input.groups()));
        record.setTargetManagerId(input.managerId());
        record.setTargetDmuRoles(join(input.dmuRoles()));
        record.setConsentOnly(input.consentOnly());
        record.setReminderDays(input.reminderDays());
        record.setUpdatedAt(LocalDateTime.now(clock));
        record.setUpdatedBy(by);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void reject(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new CampaignRejectedException(errors);
        }
    }

    /**
     * Starts a draft campaign and invites its targets.
     *
     * @return the number of contacts invited
     * @throws CampaignChangedException when it changed since {@code expectedVersion} or is no draft
     */
    public int start(long id, int expectedVersion) {
        requirePermission.accept(NpsPermissions.MANAGE);
        return dsl.transactionResult(tx -> {
            int rows = tx.dsl().update(CAMPAIGN).set(CAMPAIGN.STATUS, CampaignStatus.RUNNING.name())
                    .set(CAMPAIGN.VERSION, CAMPAIGN.VERSION.plus(1))
                    .where(CAMPAIGN.ID.eq(id).and(CAMPAIGN.VERSION.eq(expectedVersion))
                            .and(CAMPAIGN.STATUS.eq(CampaignStatus.DRAFT.name()))).execute();
            if (rows == 0) {
                throw new CampaignChangedException();
            }
            return new Campaigns(tx.dsl(), clock).invite(id);
        });
    }

    /**
     * Closes a running campaign: no more answers, reminders or links.
     *
     * @throws CampaignChangedException when it changed since {@code expectedVersion} or is not running
     */
    public void close(long id, int expectedVersion) {
        requirePermission.accept(NpsPermissions.MANAGE);
        int rows = dsl.update(CAMPAIGN).set(CAMPAIGN.STATUS, CampaignStatus.CLOSED.name())
                .set(CAMPAIGN.VERSION, CAMPAIGN.VERSION.plus(1))
                .where(CAMPAIGN.ID.eq(id).and(CAMPAIGN.VERSION.eq(expectedVersion))
                        .and(CAMPAIGN.STATUS.eq(CampaignStatus.RUNNING.name()))).execute();
        if (rows == 0) {
            throw new CampaignChangedException();
        }
    }

    /** Deletes a draft campaign (running and closed ones keep their answers). */
    public boolean deleteDraft(long id, int expectedVersion) {
        requirePermission.accept(NpsPermissions.MANAGE);
        return dsl.deleteFrom(CAMPAIGN).where(CAMPAIGN.ID.eq(id).and(CAMPAIGN.VERSION.eq(expectedVersion))
                .and(CAMPAIGN.STATUS.eq(CampaignStatus.DRAFT.name()))).execute() == 1;
    }

    /**
     * Invites the campaign's target contacts who are not invited yet: active, with an e-mail
     * address, consenting when the campaign asks for it, not opted out, and not invited to any
     * campaign within the fatigue period. One INSERT ... SELECT.
     *
     * @return the number of contacts invited now
     */
    public int invite(long campaignId) {
        var campaign = find(campaignId).orElseThrow(CampaignChangedException::new);
        if (campaign.status() != CampaignStatus.RUNNING || LocalDate.now(clock).isAfter(campaign.input().closesOn())) {
            return 0; // nobody to invite to a survey that no longer accepts answers
        }
        return dsl.insertInto(INVITATION, INVITATION.CAMPAIGN_ID, INVITATION.CONTACT_ID, INVITATION.ACCOUNT_ID,
                        INVITATION.EMAIL, INVITATION.LANGUAGE, INVITATION.INVITED_AT)
                .select(DSL.select(DSL.val(campaignId), V_CONTACTS.ID, V_CONTACTS.ACCOUNT_ID, V_CONTACTS.EMAIL,
                                DSL.when(V_ACCOUNTS.COUNTRY.in("NL", "BE"), "nl").otherwise("en"),
                                DSL.val(LocalDateTime.now(clock)))
                        .from(V_CONTACTS).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(V_CONTACTS.ACCOUNT_ID))
                        .where(targets(campaign.input(), Settings.load(dsl).fatigueDays(), campaignId)))
                .execute();
    }

    /**
     * How many contacts {@link #invite} would invite now for this input.
     *
     * @param campaignId the campaign being edited, whose invitations count as done; null for a new one
     */
    public int countTargets(CampaignInput input, Long campaignId) {
        return dsl.fetchCount(DSL.selectOne().from(V_CONTACTS).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(V_CONTACTS.ACCOUNT_ID))
                .where(targets(input, Settings.load(dsl).fatigueDays(), campaignId)));
    }

    private Condition targets(CampaignInput input, int fatigueDays, Long campaignId) {
        LocalDateTime now = LocalDateTime.now(clock);
        Condition condition = V_CONTACTS.ACTIVE.isTrue()
                .and(V_CONTACTS.EMAIL.isNotNull()).and(V_CONTACTS.EMAIL.ne(""))
                .andNotExists(DSL.selectOne().from(OPT_OUT).where(OPT_OUT.CONTACT_ID.eq(V_CONTACTS.ID)))
                .andNotExists(DSL.selectOne().from(INVITATION).where(INVITATION.CONTACT_ID.eq(V_CONTACTS.ID)
                        .and(INVITATION.INVITED_AT.gt(now.minusDays(fatigueDays))
                                .or(campaignId == null ? DSL.falseCondition() : INVITATION.CAMPAIGN_ID.eq(campaignId)))));
        if (input.consentOnly()) {
            condition = condition.and(V_CONTACTS.EMAIL_CONSENT.isTrue());
        }
        if (!input.stages().isEmpty()) {
            condition = condition.and(V_ACCOUNTS.LIFECYCLE_STAGE.in(input.stages()));
        }
        if (!input.groups().isEmpty()) {
            condition = condition.and(CustomerGroups.lastYear(LocalDate.now(clock)).in(input.groups()));
        }
        if (input.managerId() != null) {
            condition = condition.and(V_ACCOUNTS.ACCOUNT_MANAGER_ID.eq(input.managerId()));
        }
        if (!input.dmuRoles().isEmpty()) {
            condition = condition.and(V_CONTACTS.DMU_ROLE.in(input.dmuRoles()));
        }
        return condition;
    }

    /**
     * Makes a new anonymous link for a campaign; the previous one stops working.
     *
     * @return the token, to be shown once
     */
    public String newAnonymousToken(long campaignId) {
        String token = Tokens.newToken();
        dsl.update(CAMPAIGN).set(CAMPAIGN.ANONYMOUS_TOKEN_HASH, Tokens.hash(token).orElseThrow())
                .where(CAMPAIGN.ID.eq(campaignId)).execute();
        return token;
    }
}
