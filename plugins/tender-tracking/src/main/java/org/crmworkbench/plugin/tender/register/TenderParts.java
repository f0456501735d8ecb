package org.crmworkbench.plugin.tender.register;

import org.crmworkbench.plugin.tender.ChangedMeanwhileException;
import org.crmworkbench.plugin.tender.InputRejectedException;
import org.crmworkbench.plugin.tender.TenderPermissions;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

import static org.crmworkbench.api.coreviews.Tables.V_USERS;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER_DOCUMENT;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER_LOT;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER_TEAM_MEMBER;

/** What a tender is made of besides its fields: lots, documents (links with a version) and the bid team. */
public final class TenderParts {

    public enum LotStatus {
        OPEN, BIDDING, NO_BID, WON, LOST;

        public String labelKey() {
            return "lot-status." + name().toLowerCase().replace('_', '-');
        }
    }

    public record Lot(long id, int number, String title, BigDecimal value, LotStatus status) {
    }

    public record Document(long id, String title, String url, String version, Long ownerId, String ownerName, LocalDateTime addedAt) {
    }

    public record Member(long userId, String name, String role) {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public TenderParts(DSLContext dsl, Clock clock) {
        this(dsl, clock, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public TenderParts(DSLContext dsl, Clock clock, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.clock = clock;
        this.requirePermission = requirePermission;
    }

    public List<Lot> lots(long tenderId) {
        return dsl.selectFrom(TENDER_LOT).where(TENDER_LOT.TENDER_ID.eq(tenderId)).orderBy(TENDER_LOT.NUMBER)
                .fetch(r -> new Lot(r.getId(), r.getNumber(), r.getTitle(), r.getValue(), LotStatus.valueOf(r.getStatus())));
    }

    /**
     * Adds a lot ({@code lotId} null, numbered after the last) or changes one.
     *
     * @throws InputRejectedException    when the title is blank or long, the value negative or the status missing
     * @throws ChangedMeanwhileException when the tender or lot is gone, or another lot took the number meanwhile
     */
    public void saveLot(long tenderId, Long lotId, String title, BigDecimal value, LotStatus status) {
        requirePermission.accept(TenderPermissions.EDIT);
        var errors = new LinkedHashMap<String, String>();
        if (title == null || title.isBlank()) {
            errors.put("title", "lot.error.title-required");
        } else if (title.strip().length() > TenderChecks.MAX_TITLE) {
            errors.put("title", "tender.error.title-long");
        }
        if (value != null && (value.signum() < 0 || value.precision() - value.scale() > 12)) {
            errors.put("value", "tender.error.value");
        }
        if (status == null) {
            errors.put("status", "lot.error.status");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        if (lotId == null) {
            ChangedMeanwhileException.unlessGone(() -> dsl.insertInto(TENDER_LOT, TENDER_LOT.TENDER_ID, TENDER_LOT.NUMBER, TENDER_LOT.TITLE, TENDER_LOT.VALUE, TENDER_LOT.STATUS)
                    .select(DSL.select(DSL.val(tenderId), DSL.coalesce(DSL.max(TENDER_LOT.NUMBER), 0).plus(1), DSL.val(title.strip()),
                            DSL.val(value), DSL.val(status.name())).from(TENDER_LOT).where(TENDER_LOT.TENDER_ID.eq(tenderId)))
                    .execute());
        } else {
            ChangedMeanwhileException.unlessGone(() -> dsl.update(TENDER_LOT).set(TENDER_LOT.TITLE, title.strip()).set(TENDER_LOT.VALUE, value)
                    .set(TENDER_LOT.STATUS, status.name()).where(TENDER_LOT.ID.eq(lotId).and(TENDER_LOT.TENDER_ID.eq(tenderId))).execute());
        }
    }

    public void deleteLot(long tenderId, long lotId) {
        requirePermission.accept(TenderPermissions.EDIT);
        dsl.deleteFrom(TENDER_LOT).where(TENDER_LOT.ID.eq(lotId).and(TENDER_LOT.TENDER_ID.eq(tenderId))).execute();
    }

    public List<Document> documents(long tenderId) {
        return dsl.select(TENDER_DOCUMENT.asterisk(), V_USERS.DISPLAY_NAME).from(TENDER_DOCUMENT)
                .leftJoin(V_USERS).on(V_USERS.ID.eq(TENDER_DOCUMENT.OWNER_ID))
                .where(TENDER_DOCUMENT.TENDER_ID.eq(tenderId)).orderBy(TENDER_DOCUMENT.TITLE, TENDER_DOCUMENT.ID)
                .fetch(r -> new Document(r.get(TENDER_DOCUMENT.ID), r.get(TENDER_DOCUMENT.TITLE), r.get(TENDER_DOCUMENT.URL),
                        r.get(TENDER_DOCUMENT.DOC_VERSION), r.get(TENDER_DOCUMENT.OWNER_ID), r.get(V_USERS.DISPLAY_NAME),
                        r.get(TENDER_DOCUMENT.ADDED_AT)));
    }

    /** @throws InputRejectedException when the title is blank or the link is not an http(s) address */
    public void addDocument(long tenderId, String title, String url, String version, Long ownerId) {
        requirePermission.accept(TenderPermissions.EDIT);
        var errors = new LinkedHashMap<String, String>();
        if (title == null || title.isBlank()) {
            errors.put("title", "document.error.title-required");
        } else if (title.strip().length() > 200) {
            errors.put("title", "document.error.title-long");
        }
        if (!httpLink(url)) {
            errors.put("url", "document.error.url");
        }
        if (version != null && version.strip().length() > 30) {
            errors.put("version", "document.error.version-long");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        ChangedMeanwhileException.unlessGone(() -> dsl.insertInto(TENDER_DOCUMENT, TENDER_DOCUMENT.TENDER_ID, TENDER_DOCUMENT.TITLE,
                        TENDER_DOCUMENT.URL, TENDER_DOCUMENT.DOC_VERSION, TENDER_DOCUMENT.OWNER_ID, TENDER_DOCUMENT.ADDED_AT)
                .values(tenderId, title.strip(), url.strip(), version == null ? "" : version.strip(), ownerId, LocalDateTime.now(clock))
                .execute());
    }

    static boolean httpLink(String url) {
        if (url == null || url.isBlank() || url.strip().length() > 1000) {
            return false;
        }
        try {
            var uri = new URI(url.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    public void deleteDocument(long tenderId, long documentId) {
        requirePermission.accept(TenderPermissions.EDIT);
        dsl.deleteFrom(TENDER_DOCUMENT).where(TENDER_DOCUMENT.ID.eq(documentId).and(TENDER_DOCUMENT.TENDER_ID.eq(tenderId))).execute();
    }

    public List<Member> team(long tenderId) {
        return dsl.select(TENDER_TEAM_MEMBER.USER_ID, V_USERS.DISPLAY_NAME, TENDER_TEAM_MEMBER.ROLE).from(TENDER_TEAM_MEMBER)
                .join(V_USERS).on(V_USERS.ID.eq(TENDER_TEAM_MEMBER.USER_ID)).where(TENDER_TEAM_MEMBER.TENDER_ID.eq(tenderId))
                .orderBy(V_USERS.DISPLAY_NAME).fetch(r -> new Member(r.value1(), r.value2(), r.value3()));
    }

    /** Adds a user to the bid team or changes their role there. */
    public void putMember(long tenderId, long userId, String role) {
        requirePermission.accept(TenderPermissions.EDIT);
        String r = role == null ? "" : role.strip();
        if (r.length() > 60) {
            throw new InputRejectedException("role", "team.error.role-long");
        }
        if (!dsl.fetchExists(V_USERS, V_USERS.ID.eq(userId).and(V_USERS.ACTIVE.isTrue()))) {
            throw new InputRejectedException("user", "team.error.user");
        }
        try {
            dsl.insertInto(TENDER_TEAM_MEMBER, TENDER_TEAM_MEMBER.TENDER_ID, TENDER_TEAM_MEMBER.USER_ID, TENDER_TEAM_MEMBER.ROLE)
                    .values(tenderId, userId, r).onDuplicateKeyUpdate().set(TENDER_TEAM_MEMBER.ROLE, r).execute();
        } catch (IntegrityConstraintViolationException e) {
            throw new ChangedMeanwhileException(); // the tender is gone
        }
    }

    public void removeMember(long tenderId, long userId) {
        requirePermission.accept(TenderPermissions.EDIT);
        dsl.deleteFrom(TENDER_TEAM_MEMBER).where(TENDER_TEAM_MEMBER.TENDER_ID.eq(tenderId).and(TENDER_TEAM_MEMBER.USER_ID.eq(userId))).execute();
    }
}
