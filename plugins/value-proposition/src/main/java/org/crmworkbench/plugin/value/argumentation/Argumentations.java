package org.crmworkbench.plugin.value.argumentation;

import org.crmworkbench.plugin.value.InputRejectedException;
import org.crmworkbench.plugin.value.Texts;
import org.crmworkbench.plugin.value.canvas.Canvas;
import org.crmworkbench.plugin.value.canvas.Canvases;
import org.crmworkbench.plugin.value.canvas.CanvasItem;
import org.crmworkbench.plugin.value.canvas.ItemKind;
import org.crmworkbench.plugin.value.canvas.Statement;
import org.crmworkbench.plugin.value.motive.Motive;
import org.crmworkbench.plugin.value.motive.Motives;
import org.crmworkbench.plugin.value.sellogram.Sellogram;
import org.crmworkbench.plugin.value.sellogram.SellogramStatus;
import org.crmworkbench.plugin.value.sellogram.Sellograms;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_CONTACTS;
import static org.crmworkbench.plugin.value.jooq.Tables.CONTACT_MOTIVE;
import static org.crmworkbench.plugin.value.jooq.Tables.MOTIVE;

/** The buying motives of an account's DMU members, and the sales argumentation built from them. */
public final class Argumentations {

    private final DSLContext dsl;
    private final Clock clock;

    public Argumentations(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The active contacts of an account with their buying motives, DMU members (with a role) first. */
    public List<Argumentation.Member> dmu(long accountId, Texts texts) {
        boolean dutch = "nl".equals(texts.locale().getLanguage());
        var motives = dsl.select(CONTACT_MOTIVE.CONTACT_ID, MOTIVE.ID, dutch ? MOTIVE.NAME_NL : MOTIVE.NAME_EN)
                .from(CONTACT_MOTIVE).join(MOTIVE).on(MOTIVE.ID.eq(CONTACT_MOTIVE.MOTIVE_ID))
                .join(V_CONTACTS).on(V_CONTACTS.ID.eq(CONTACT_MOTIVE.CONTACT_ID))
                .where(V_CONTACTS.ACCOUNT_ID.eq(accountId))
                .orderBy(MOTIVE.POSITION, MOTIVE.ID)
                .fetchGroups(CONTACT_MOTIVE.CONTACT_ID);
        return dsl.select(V_CONTACTS.ID, V_CONTACTS.FIRST_NAME, V_CONTACTS.LAST_NAME, V_CONTACTS.JOB_TITLE, V_CONTACTS.DMU_ROLE)
                .from(V_CONTACTS).where(V_CONTACTS.ACCOUNT_ID.eq(accountId).and(V_CONTACTS.ACTIVE.isTrue()))
                .orderBy(DSL.when(V_CONTACTS.DMU_ROLE.isNull(), 1).otherwise(0), V_CONTACTS.LAST_NAME, V_CONTACTS.FIRST_NAME, V_CONTACTS.ID)
                .limit(500)
                .fetch(r -> {
                    var own = motives.get(r.value1());
                    return new Argumentation.Member(r.value1(), name(r.value2(), r.value3()), r.value4(), r.value5(),
                            own == null ? List.of() : own.getValues(MOTIVE.ID),
                            own == null ? List.of() : own.getValues(2, String.class));
                });
    }

    /**
     * Records a contact's buying motives.
     *
     * @throws InputRejectedException when the contact is not an active contact of the account, or a motive does not exist
     */
    public void setMotives(long accountId, long contactId, Set<Long> motiveIds) {
        if (!dsl.fetchExists(V_CONTACTS, V_CONTACTS.ID.eq(contactId).and(V_CONTACTS.ACCOUNT_ID.eq(accountId)))) {
            throw new InputRejectedException("contact", "argumentation.error.contact");
        }
        if (!motiveIds.isEmpty() && dsl.fetchCount(MOTIVE, MOTIVE.ID.in(motiveIds)) != motiveIds.size()) {
            throw new InputRejectedException("motives", "sellogram.error.motive");
        }
        dsl.transaction(tx -> {
            tx.dsl().deleteFrom(CONTACT_MOTIVE).where(CONTACT_MOTIVE.CONTACT_ID.eq(contactId)).execute();
            if (!motiveIds.isEmpty()) {
                var insert = tx.dsl().insertInto(CONTACT_MOTIVE, CONTACT_MOTIVE.CONTACT_ID, CONTACT_MOTIVE.MOTIVE_ID);
                motiveIds.forEach(m -> insert.values(contactId, m));
                insert.execute();
            }
        });
    }

    /**
     * Builds the argumentation for the chosen contacts of an account and the chosen sellograms; only
     * published sellograms count, contacts of other accounts are ignored.
     */
    public Argumentation build(long accountId, Collection<Long> contactIds, Collection<Long> sellogramIds, Texts texts) {
        String accountName = dsl.select(V_ACCOUNTS.NAME).from(V_ACCOUNTS).where(V_ACCOUNTS.ID.eq(accountId))
                .fetchOptional(V_ACCOUNTS.NAME).orElseThrow(() -> new InputRejectedException("account", "argumentation.error.account"));
        var chosen = new HashSet<>(contactIds);
        var members = dmu(accountId, texts).stream().filter(m -> chosen.contains(m.contactId())).toList();
        var sellograms = new Sellograms(dsl, clock);
        var published = sellogramIds.stream().distinct().map(sellograms::find).flatMap(java.util.Optional::stream)
                .filter(s -> s.status() == SellogramStatus.PUBLISHED).toList();
        var catalogue = new Motives(dsl).list(false);
        var canvases = new Canvases(dsl, clock);
        var canvas = canvases.forAccount(accountId).flatMap(canvases::find)
                .map(c -> canvasPart(c, c.accountId() != null ? accountName : c.name(), texts)).orElse(null);
        return new Argumentation(accountId, accountName, LocalDate.now(clock), published.stream().map(Sellogram::subjectName).toList(),
                members, sections(catalogue, members, published, texts), canvas);
    }

    /**
     * Groups the rows of the sellograms by the members' motives, in catalogue order: a row appears
     * once, under the first motive (in catalogue order) that it serves and a member holds; it names
     * the members whose motives it serves. Motives no member holds, and rows that serve none of the
     * members' motives, are left out.
     */
    static List<Argumentation.Section> sections(List<Motive> catalogue, List<Argumentation.Member> members,
                                                List<Sellogram> sellograms, Texts texts) {
        List<Argumentation.Section> sections = new ArrayList<>();
        Set<Long> placed = new HashSet<>();
        for (Motive motive : catalogue) {
            if (members.stream().noneMatch(m -> m.motiveIds().contains(motive.id()))) {
                continue;
            }
            List<Argumentation.Benefit> benefits = new ArrayList<>();
            for (Sellogram sellogram : sellograms) {
                for (var row : sellogram.rows()) {
                    if (row.motiveIds().contains(motive.id()) && placed.add(row.id())) {
                        var forMembers = members.stream().filter(m -> m.motiveIds().stream().anyMatch(row.motiveIds()::contains))
                                .map(Argumentation.Member::name).toList();
                        benefits.add(new Argumentation.Benefit(row.id(), sellogram.subjectName(), row.feature(), row.advantage(),
                                row.benefit(), forMembers));
                    }
                }
            }
            if (!benefits.isEmpty()) {
                sections.add(new Argumentation.Section(motive.id(), motive.name(texts.locale()), benefits));
            }
        }
        return sections;
    }

    /** How a segment canvas names its segment in the statement: the industry, the level, or both. */
    public static String segmentName(Canvas canvas, Texts texts) {
        String level = canvas.accountLevel() == null ? null : texts.get("level." + canvas.accountLevel().toLowerCase());
        if (canvas.industry() != null && level != null) {
            return texts.get("segment.both", canvas.industry(), level);
        }
        return canvas.industry() != null ? canvas.industry() : level;
    }

    static Argumentation.CanvasPart canvasPart(Canvas canvas, String segment, Texts texts) {
        Map<Long, CanvasItem> byId = canvas.items().stream().collect(Collectors.toMap(CanvasItem::id, Function.identity()));
        Function<CanvasItem, Argumentation.Answered> answered = item -> new Argumentation.Answered(item.text(),
                item.answeredBy().stream().sorted().map(byId::get).filter(java.util.Objects::nonNull).map(CanvasItem::text).toList());
        var pains = canvas.items(ItemKind.PAIN).stream().sorted(Canvas.PAIN_RANK).limit(canvas.fitTop()).map(answered).toList();
        var gains = canvas.items(ItemKind.GAIN).stream().sorted(Canvas.GAIN_RANK).limit(canvas.fitTop()).map(answered).toList();
        return new Argumentation.CanvasPart(canvas.name(), Statement.of(canvas, segment, texts).text(), pains, gains);
    }

    private static String name(String first, String last) {
        return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    }
}
