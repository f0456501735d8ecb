package org.crmworkbench.plugin.value;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.text.ReusableText;
import org.crmworkbench.db.TestDatabase;
import org.crmworkbench.plugin.value.argumentation.Argumentations;
import org.crmworkbench.plugin.value.argumentation.Documents;
import org.crmworkbench.plugin.value.canvas.CanvasInput;
import org.crmworkbench.plugin.value.canvas.Canvases;
import org.crmworkbench.plugin.value.canvas.FitCheck;
import org.crmworkbench.plugin.value.canvas.GainLevel;
import org.crmworkbench.plugin.value.canvas.ItemInput;
import org.crmworkbench.plugin.value.canvas.ItemKind;
import org.crmworkbench.plugin.value.canvas.JobType;
import org.crmworkbench.plugin.value.canvas.Statement;
import org.crmworkbench.plugin.value.motive.Motive;
import org.crmworkbench.plugin.value.motive.MotiveKind;
import org.crmworkbench.plugin.value.motive.Motives;
import org.crmworkbench.plugin.value.sellogram.BenefitTexts;
import org.crmworkbench.plugin.value.sellogram.PublishProblem;
import org.crmworkbench.plugin.value.sellogram.PublishRefusedException;
import org.crmworkbench.plugin.value.sellogram.RowInput;
import org.crmworkbench.plugin.value.sellogram.SellogramStatus;
import org.crmworkbench.plugin.value.sellogram.Sellograms;
import org.crmworkbench.plugin.value.sellogram.Subject;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.CONTACT;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.plugin.value.jooq.Tables.CANVAS;
import static org.crmworkbench.plugin.value.jooq.Tables.CONTACT_MOTIVE;
import static org.crmworkbench.plugin.value.jooq.Tables.MOTIVE;
import static org.crmworkbench.plugin.value.jooq.Tables.SELLOGRAM;
import static org.crmworkbench.plugin.value.jooq.Tables.SELLOGRAM_ROW;

/**
 * The value-proposition plugin's services on a real MariaDB: the motive catalogue, sellogram rows
 * and the publish rule, search and coverage, the canvas fit check and statement, and the account
 * argumentation with its export files.
 */
class ValuePropositionIT {

    private static final DSLContext dsl = TestDatabase.get().dsl();
    private static final Texts EN = new Texts(Locale.ENGLISH);

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    private final Motives motives = new Motives(dsl);
    private final Sellograms sellograms = new Sellograms(dsl, clock);
    private final Canvases canvases = new Canvases(dsl, clock);
    private final Argumentations argumentations = new Argumentations(dsl, clock);
    private Map<String, Long> motive;
    private long drill;
    private long saw;

    @BeforeAll
    static void migrate() {
        Flyway.configure().dataSource(TestDatabase.get().dataSource()).schemas("crm_value_proposition")
                .createSchemas(true).locations("classpath:db/crm_value_proposition").load().migrate();
    }

    @BeforeEach
    void setUp() {
        dsl.deleteFrom(SELLOGRAM).execute();
        dsl.deleteFrom(CANVAS).execute();
        dsl.deleteFrom(CONTACT_MOTIVE).execute();
        dsl.deleteFrom(MOTIVE).where(MOTIVE.NAME_EN.notIn("Security", "Affection / sympathy", "Comfort", "Pride / prestige",
                "Novelty", "Economy")).execute();
        dsl.deleteFrom(ACCOUNT).execute();
        dsl.deleteFrom(PRODUCT).execute();
        motive = motives.list(false).stream().collect(Collectors.toMap(Motive::nameEn, Motive::id));
        drill = product("DR-1", "Cordless drill");
        saw = product("SW-1", "Circular saw");
        product("OLD-1", "Old hammer");
        dsl.update(PRODUCT).set(PRODUCT.ACTIVE, false).where(PRODUCT.CODE.eq("OLD-1")).execute();
    }

    @Test
    void the_catalogue_starts_with_the_six_default_motives_and_keeps_names_unique() {
        assertThat(motives.list(false)).extracting(Motive::nameEn, Motive::nameNl, Motive::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Security", "Zekerheid", MotiveKind.RATIONAL),
                org.assertj.core.groups.Tuple.tuple("Affection / sympathy", "Sympathie", MotiveKind.EMOTIONAL),
                org.assertj.core.groups.Tuple.tuple("Comfort", "Gemak", MotiveKind.RATIONAL),
                org.assertj.core.groups.Tuple.tuple("Pride / prestige", "Prestige", MotiveKind.EMOTIONAL),
                org.assertj.core.groups.Tuple.tuple("Novelty", "Nieuwheid", MotiveKind.EMOTIONAL),
                org.assertj.core.groups.Tuple.tuple("Economy", "Voordeel", MotiveKind.RATIONAL));

        assertThatThrownBy(() -> motives.create("security", "Veiligheid", MotiveKind.RATIONAL))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.errors()).containsExactly(Map.entry("nameEn", "motive.error.name-taken")));
        long health = motives.create("Health", "Gezondheid", MotiveKind.RATIONAL);
        assertThat(motives.list(true).getLast().id()).isEqualTo(health);
        assertThat(motives.move(health, true)).isTrue();
        assertThat(motives.list(true)).extracting(Motive::nameEn).endsWith("Health", "Economy");

        var current = motives.list(false).stream().filter(m -> m.id() == health).findFirst().orElseThrow();
        motives.update(health, current.version(), "Health", "Gezondheid", MotiveKind.EMOTIONAL, false);
        assertThatThrownBy(() -> motives.update(health, current.version(), "Wellbeing", "Welzijn", MotiveKind.RATIONAL, true))
                .isInstanceOf(ChangedMeanwhileException.class);
        assertThat(motives.list(true)).extracting(Motive::nameEn).doesNotContain("Health");

        long draft = sellograms.create(Subject.product(drill), Set.of(health), "tester");
        assertThatThrownBy(() -> motives.delete(health)).isInstanceOfSatisfying(InputRejectedException.class,
                e -> assertThat(e.errors()).containsEntry("motive", "motive.error.in-use"));
        sellograms.deleteDraft(draft, 0);
        motives.delete(health);
        assertThat(motives.list(false)).hasSize(6);
    }

    @Test
    void sellogram_rows_are_added_changed_moved_and_deleted_and_bad_rows_change_nothing() {
        long id = sellograms.create(Subject.product(drill), Set.of(motive.get("Comfort")), "tester");
        int v = sellograms.addRow(id, 0, new RowInput("18 V battery", "works two days per charge", "", Set.of()), "tester");
        v = sellograms.addRow(id, v, new RowInput("1.4 kg", "light", "no tired arms at the end of the day", Set.of(motive.get("Comfort"))), "tester");
        v = sellograms.addRow(id, v, new RowInput("Brushless motor", "no wear", "lasts for years", Set.of(motive.get("Economy"))), "tester");
        int version = v;

        assertThatThrownBy(() -> sellograms.addRow(id, version, new RowInput(" ", "", null, Set.of()), "tester"))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).containsEntry("feature", "row.error.empty"));
        assertThatThrownBy(() -> sellograms.addRow(id, version, new RowInput("x".repeat(501), "a", "b", Set.of()), "tester"))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).containsEntry("feature", "row.error.long"));
        assertThatThrownBy(() -> sellograms.addRow(id, version, new RowInput("a", "b", "c", Set.of(-1L)), "tester"))
                .isInstanceOf(InputRejectedException.class);
        assertThatThrownBy(() -> sellograms.addRow(id, version - 1, new RowInput("a", "b", "c", Set.of()), "tester"))
                .as("a stale version").isInstanceOf(ChangedMeanwhileException.class);
        var sellogram = sellograms.find(id).orElseThrow();
        assertThat(sellogram.version()).isEqualTo(version);
        assertThat(sellogram.rows()).extracting(r -> r.position() + " " + r.feature())
                .containsExactly("1 18 V battery", "2 1.4 kg", "3 Brushless motor");
        assertThat(sellogram.subjectName()).isEqualTo("Cordless drill (DR-1)");

        long battery = sellogram.rows().getFirst().id();
        v = sellograms.updateRow(id, v, battery, new RowInput("18 V battery", "works two days per charge",
                "never stuck with an empty drill", Set.of(motive.get("Comfort"), motive.get("Security"))), "tester");
        v = sellograms.moveRow(id, v, battery, false, "tester");
        v = sellograms.moveRow(id, v, sellograms.find(id).orElseThrow().rows().get(2).id(), true, "tester");
        sellogram = sellograms.find(id).orElseThrow();
        assertThat(sellogram.rows()).extracting(r -> r.position() + " " + r.feature())
                .containsExactly("1 1.4 kg", "2 Brushless motor", "3 18 V battery");
        assertThat(sellogram.rows().get(2).motiveIds()).containsExactlyInAnyOrder(motive.get("Comfort"), motive.get("Security"));
        assertThat(sellograms.moveRow(id, v, battery, false, "tester")).as("the last row stays last").isEqualTo(v + 1);
        v++;

        v = sellograms.deleteRow(id, v, sellogram.rows().getFirst().id(), "tester");
        assertThat(sellograms.find(id).orElseThrow().rows()).extracting(r -> r.position() + " " + r.feature())
                .containsExactly("1 Brushless motor", "2 18 V battery");
        assertThat(sellograms.find(id).orElseThrow().version()).isEqualTo(v);
    }

    @Test
    void a_draft_is_published_only_when_every_claimed_motive_has_a_row_and_no_cell_is_empty() {
        long comfort = motive.get("Comfort");
        long economy = motive.get("Economy");
        long security = motive.get("Security");
        long id = sellograms.create(Subject.product(drill), Set.of(comfort, economy), "tester");
        assertThatThrownBy(() -> sellograms.publish(id, 0, "tester")).isInstanceOfSatisfying(PublishRefusedException.class,
                e -> assertThat(e.problems()).containsExactly(new PublishProblem.NoRows(),
                        new PublishProblem.MotiveWithoutRow(Math.min(comfort, economy)), new PublishProblem.MotiveWithoutRow(Math.max(comfort, economy))));
        int v = sellograms.addRow(id, 0, new RowInput("1.4 kg", "", "no tired arms", Set.of(comfort)), "tester");
        v = sellograms.addRow(id, v, new RowInput("LED light", "see in dark corners", "safe work", Set.of(security)), "tester");
        v = sellograms.addRow(id, v, new RowInput("Spare battery", "no waiting", "keeps working", Set.of()), "tester");
        int version = v;
        assertThatThrownBy(() -> sellograms.publish(id, version, "tester")).isInstanceOfSatisfying(PublishRefusedException.class,
                e -> assertThat(e.problems()).containsExactly(new PublishProblem.MotiveWithoutRow(economy),
                        new PublishProblem.EmptyCell(1, PublishProblem.Cell.ADVANTAGE),
                        new PublishProblem.UnclaimedMotive(2, security), new PublishProblem.RowWithoutMotive(3)));
        assertThat(sellograms.find(id).orElseThrow().status()).as("still a draft").isEqualTo(SellogramStatus.DRAFT);

        var rows = sellograms.find(id).orElseThrow().rows();
        v = sellograms.updateRow(id, v, rows.get(0).id(), new RowInput("1.4 kg", "light", "no tired arms", Set.of(comfort)), "tester");
        v = sellograms.setMotives(id, v, Set.of(comfort, economy, security), "tester");
        v = sellograms.updateRow(id, v, rows.get(2).id(), new RowInput("Spare battery", "no waiting", "keeps working", Set.of(economy)), "tester");
        sellograms.publish(id, v, "publisher");
        var published = sellograms.find(id).orElseThrow();
        assertThat(published.status()).isEqualTo(SellogramStatus.PUBLISHED);
        assertThatThrownBy(() -> sellograms.addRow(id, published.version(), new RowInput("a", "b", "c", Set.of()), "tester"))
                .as("a published sellogram is not edited").isInstanceOf(ChangedMeanwhileException.class);

        // a new revision copies rows and motives; publishing it retires revision 1
        var draft = sellograms.newRevision(id, "tester");
        assertThat(draft.created()).isTrue();
        assertThat(sellograms.newRevision(id, "tester")).as("one draft at a time").isEqualTo(new Sellograms.Draft(draft.id(), false));
        assertThatThrownBy(() -> sellograms.create(Subject.product(drill), Set.of(), "tester"))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).containsEntry("subject", "sellogram.error.draft-exists"));
        var copy = sellograms.find(draft.id()).orElseThrow();
        assertThat(copy.revision()).isEqualTo(2);
        assertThat(copy.motiveIds()).containsExactlyInAnyOrder(comfort, economy, security);
        assertThat(copy.rows()).extracting(r -> r.feature() + " " + r.motiveIds())
                .containsExactlyElementsOf(published.rows().stream().map(r -> r.feature() + " " + r.motiveIds()).toList());
        sellograms.publish(copy.id(), copy.version(), "publisher");
        assertThat(sellograms.find(id).orElseThrow().status()).isEqualTo(SellogramStatus.RETIRED);

        // duplicating to a free service
        long service = sellograms.duplicate(copy.id(), Subject.service("Tool rental"), "tester");
        assertThat(sellograms.find(service).orElseThrow()).satisfies(s -> {
            assertThat(s.subjectName()).isEqualTo("Tool rental");
            assertThat(s.revision()).isEqualTo(1);
            assertThat(s.status()).isEqualTo(SellogramStatus.DRAFT);
            assertThat(s.rows()).hasSize(3);
        });
        assertThatThrownBy(() -> sellograms.duplicate(copy.id(), Subject.service(" "), "tester")).isInstanceOf(InputRejectedException.class);
    }

    @Test
    void sellograms_are_found_by_motive_or_product_and_uncovered_products_are_listed() {
        long comfort = motive.get("Comfort");
        long drillSellogram = published(Subject.product(drill), comfort, "light", "no tired arms");
        long service = sellograms.create(Subject.service("Drill maintenance"), Set.of(motive.get("Security")), "tester");

        assertThat(sellograms.search(new Sellograms.Search(null, comfort, null), Locale.ENGLISH, 0, 10))
                .extracting(Sellograms.Listing::id).containsExactly(drillSellogram);
        assertThat(sellograms.search(new Sellograms.Search("drill", null, null), Locale.ENGLISH, 0, 10))
                .extracting(Sellograms.Listing::subjectName).containsExactly("Cordless drill", "Drill maintenance");
        assertThat(sellograms.search(new Sellograms.Search("dr-1", null, SellogramStatus.PUBLISHED), Locale.ENGLISH, 0, 10))
                .singleElement().satisfies(l -> {
                    assertThat(l.rows()).isEqualTo(1);
                    assertThat(l.motives()).isEqualTo("Comfort");
                });
        assertThat(sellograms.search(new Sellograms.Search(null, comfort, null), Locale.of("nl"), 0, 10).getFirst().motives()).isEqualTo("Gemak");
        assertThat(sellograms.count(new Sellograms.Search(null, null, SellogramStatus.DRAFT))).isEqualTo(1);
        assertThat(sellograms.search(Sellograms.Search.ALL, Locale.ENGLISH, 1, 10)).extracting(Sellograms.Listing::id).containsExactly(service);

        assertThat(sellograms.uncoveredProducts(null, 0, 10)).extracting(Sellograms.UncoveredProduct::code).containsExactly("SW-1");
        assertThat(sellograms.countUncoveredProducts("drill")).isZero();
        var coverage = sellograms.coverage(Locale.ENGLISH, 3);
        assertThat(coverage.activeProducts()).isEqualTo(2);
        assertThat(coverage.covered()).isEqualTo(1);
        assertThat(coverage.share()).isEqualTo(0.5);
        assertThat(coverage.weakest()).extracting(Sellograms.MotiveArguments::name, Sellograms.MotiveArguments::arguments)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Security", 0),
                        org.assertj.core.groups.Tuple.tuple("Affection / sympathy", 0),
                        org.assertj.core.groups.Tuple.tuple("Pride / prestige", 0));
    }

    @Test
    void the_benefits_of_published_sellograms_are_offered_as_reusable_texts_and_those_of_drafts_are_not() {
        long comfort = motive.get("Comfort");
        long drillSellogram = published(Subject.product(drill), comfort, "light", "no tired arms");
        long drillRow = sellograms.find(drillSellogram).orElseThrow().rows().getFirst().id();
        long service = published(Subject.service("Drill maintenance"), comfort, "sharp bits", "drills without tired arms");
        long serviceRow = sellograms.find(service).orElseThrow().rows().getFirst().id();
        long draft = sellograms.create(Subject.product(saw), Set.of(comfort), "t");
        sellograms.addRow(draft, 0, new RowInput("blade", "clean cut", "no tired arms either", Set.of(comfort)), "t");
        // rows the editor no longer lets through: without a feature, without a benefit
        dsl.insertInto(SELLOGRAM_ROW, SELLOGRAM_ROW.SELLOGRAM_ID, SELLOGRAM_ROW.POSITION, SELLOGRAM_ROW.FEATURE,
                SELLOGRAM_ROW.ADVANTAGE, SELLOGRAM_ROW.BENEFIT)
                .values(service, 2, "", "longer life", "tools that last")
                .values(service, 3, "Pick-up", "no trip", " ").execute();
        var benefits = new BenefitTexts();

        assertThat(benefits.texts("TIRED", 10, context(Locale.ENGLISH))).as("drafts are not offered").containsExactly(
                new ReusableText("value-proposition.row-" + drillRow, "Cordless drill — feature", "no tired arms",
                        "Sellogram Cordless drill, revision 1"),
                new ReusableText("value-proposition.row-" + serviceRow, "Drill maintenance — feature",
                        "drills without tired arms", "Sellogram Drill maintenance, revision 1"));
        assertThat(benefits.texts("drill", 10, context(Locale.of("nl"))))
                .extracting(ReusableText::title, ReusableText::text, ReusableText::source).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Cordless drill — feature", "no tired arms", "Sellogram Cordless drill, revisie 1"),
                        org.assertj.core.groups.Tuple.tuple("Drill maintenance — feature", "drills without tired arms",
                                "Sellogram Drill maintenance, revisie 1"),
                        org.assertj.core.groups.Tuple.tuple("Drill maintenance", "tools that last", "Sellogram Drill maintenance, revisie 1"));
        assertThat(benefits.texts("", 1, context(Locale.ENGLISH))).extracting(ReusableText::text).containsExactly("no tired arms");
        assertThat(benefits.texts("sharp", 10, context(Locale.ENGLISH))).extracting(ReusableText::text)
                .as("the advantage is searched too").containsExactly("drills without tired arms");
        assertThat(benefits.texts("pick-up", 10, context(Locale.ENGLISH))).as("a row without a benefit offers nothing").isEmpty();
    }

    @Test
    void the_fit_check_lists_exactly_the_unanswered_pains_and_gains_per_profile() {
        long id = canvases.create(new CanvasInput("Construction, national", null, "Construction", "NATIONAL", "renting tools", 2), "tester");
        int v = 0;
        v = canvases.addItem(id, v, ItemInput.job(null, JobType.FUNCTIONAL, "finish jobs on schedule"), "t");
        v = canvases.addItem(id, v, ItemInput.pain(null, 3, "batteries run empty"), "t");
        v = canvases.addItem(id, v, ItemInput.pain(null, 5, "downtime on site"), "t");
        v = canvases.addItem(id, v, ItemInput.pain(null, 1, "heavy tools"), "t");
        v = canvases.addItem(id, v, ItemInput.gain(null, GainLevel.DESIRED, "fewer suppliers"), "t");
        v = canvases.addItem(id, v, ItemInput.gain(null, GainLevel.REQUIRED, "tools that work"), "t");
        v = canvases.addItem(id, v, ItemInput.pain("BUYER", 4, "price increases"), "t");
        v = canvases.addItem(id, v, new ItemInput(ItemKind.OFFER, null, null, null, null, drill, ""), "t");
        v = canvases.addItem(id, v, ItemInput.value(ItemKind.RELIEVER, "replacement drill within 24 hours"), "t");
        v = canvases.addItem(id, v, ItemInput.value(ItemKind.RELIEVER, "spare battery included"), "t");
        v = canvases.addItem(id, v, ItemInput.value(ItemKind.CREATOR, "one supplier for all tools"), "t");
        var canvas = canvases.find(id).orElseThrow();
        assertThat(canvas.items(ItemKind.OFFER).getFirst().text()).as("a catalogue product takes its name").isEqualTo("Cordless drill");
        long downtime = item(canvas, "downtime on site");
        long replacement = item(canvas, "replacement drill within 24 hours");
        v = canvases.answer(id, v, downtime, Set.of(replacement), "t");
        v = canvases.answer(id, v, item(canvas, "batteries run empty"), Set.of(item(canvas, "spare battery included")), "t");
        v = canvases.answer(id, v, item(canvas, "fewer suppliers"), Set.of(item(canvas, "one supplier for all tools")), "t");
        int version = v;
        assertThatThrownBy(() -> canvases.answer(id, version, downtime, Set.of(item(canvas, "one supplier for all tools")), "t"))
                .as("a gain creator does not answer a pain").isInstanceOf(InputRejectedException.class);

        var fit = FitCheck.of(canvases.find(id).orElseThrow());
        assertThat(fit.unansweredPains()).extracting(i -> i.text()).containsExactly("heavy tools", "price increases");
        assertThat(fit.unansweredGains()).extracting(i -> i.text()).containsExactly("tools that work");
        assertThat(fit.profiles()).extracting(FitCheck.ProfileFit::dmuRole).containsExactly(null, "BUYER");
        // top 2 pains (downtime, batteries) are answered, but the top gain (required) is not
        assertThat(fit.profiles().getFirst().uncoveredTop()).extracting(i -> i.text()).containsExactly("tools that work");
        assertThat(fit.fit()).isFalse();

        v = canvases.answer(id, v, item(canvas, "tools that work"), Set.of(item(canvas, "one supplier for all tools")), "t");
        v = canvases.answer(id, v, item(canvas, "price increases"), Set.of(replacement), "t");
        fit = FitCheck.of(canvases.find(id).orElseThrow());
        assertThat(fit.unansweredPains()).extracting(i -> i.text()).containsExactly("heavy tools");
        assertThat(fit.fit()).as("the unanswered pain is not among the top 2").isTrue();

        var statement = Statement.of(canvases.find(id).orElseThrow(), "construction companies", EN);
        assertThat(statement.text()).isEqualTo("For construction companies who finish jobs on schedule, our Cordless drill "
                + "replacement drill within 24 hours, unlike renting tools.");
        v = canvases.deleteItem(id, v, replacement, "t");
        assertThat(FitCheck.of(canvases.find(id).orElseThrow()).unansweredPains()).extracting(i -> i.text())
                .containsExactly("downtime on site", "heavy tools", "price increases");
        assertThat(canvases.find(id).orElseThrow().version()).isEqualTo(v);
    }

    @Test
    void a_canvas_needs_a_name_and_a_segment_or_account_and_an_account_has_one_canvas() {
        long account = account("Bouwbedrijf De Vries", "Construction", "NATIONAL");
        assertThatThrownBy(() -> canvases.create(new CanvasInput(" ", null, null, null, null, 3), "t"))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors())
                        .containsEntry("name", "canvas.error.name-required").containsEntry("industry", "canvas.error.segment-required"));
        long segment = canvases.create(new CanvasInput("Construction", null, "Construction", null, null, 3), "t");
        long narrower = canvases.create(new CanvasInput("Construction, national", null, "Construction", "NATIONAL", null, 3), "t");
        canvases.create(new CanvasInput("National", null, null, "NATIONAL", null, 3), "t");
        assertThat(canvases.forAccount(account)).contains(narrower);
        long own = canvases.create(new CanvasInput("De Vries", account, null, null, null, 3), "t");
        assertThat(canvases.forAccount(account)).contains(own);
        assertThatThrownBy(() -> canvases.create(new CanvasInput("De Vries 2", account, null, null, null, 3), "t"))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> assertThat(e.errors()).containsEntry("account", "canvas.error.account-taken"));
        assertThat(canvases.list("construction", true, 0, 10)).extracting(Canvases.Listing::id).containsExactly(segment, narrower);
        assertThatThrownBy(() -> canvases.update(segment, 5, new CanvasInput("x", null, "Construction", null, null, 3), "t"))
                .isInstanceOf(ChangedMeanwhileException.class);
    }

    @Test
    void the_argumentation_gives_each_benefit_once_in_motive_order_for_the_chosen_dmu_and_exports_it() {
        long security = motive.get("Security");
        long comfort = motive.get("Comfort");
        long economy = motive.get("Economy");
        long prestige = motive.get("Pride / prestige");
        long account = account("Bouwbedrijf De Vries", "Construction", "NATIONAL");
        long anna = contact(account, "Anna", "Visser", "DECIDER", "Director");
        long bert = contact(account, "Bert", "Smit", "USER", null);
        long carla = contact(account, "Carla", "Bos", "BUYER", null);
        argumentations.setMotives(account, anna, Set.of(economy, security));
        argumentations.setMotives(account, bert, Set.of(comfort, security));
        argumentations.setMotives(account, carla, Set.of(prestige));
        assertThatThrownBy(() -> argumentations.setMotives(account + 1, anna, Set.of())).isInstanceOf(InputRejectedException.class);

        long drillId = sellograms.create(Subject.product(drill), Set.of(security, comfort, economy, prestige), "t");
        int v = sellograms.addRow(drillId, 0, new RowInput("Brushless motor", "no wear", "lasts for years", Set.of(economy)), "t");
        v = sellograms.addRow(drillId, v, new RowInput("Kickback stop", "stops when it jams", "no injuries on site", Set.of(security, comfort)), "t");
        v = sellograms.addRow(drillId, v, new RowInput("1.4 kg", "light", "no tired arms", Set.of(comfort)), "t");
        v = sellograms.addRow(drillId, v, new RowInput("Design award", "looks professional", "a crew that looks the part", Set.of(prestige)), "t");
        sellograms.publish(drillId, v, "t");
        long sawDraft = sellograms.create(Subject.product(saw), Set.of(security), "t");
        sellograms.addRow(sawDraft, 0, new RowInput("Blade guard", "covers the blade", "safe", Set.of(security)), "t");
        long canvas = canvases.create(new CanvasInput("Construction", null, "Construction", null, "renting tools", 1), "t");
        int c = canvases.addItem(canvas, 0, ItemInput.job(null, JobType.FUNCTIONAL, "finish jobs on schedule"), "t");
        c = canvases.addItem(canvas, c, ItemInput.pain(null, 5, "downtime <on site>"), "t");
        c = canvases.addItem(canvas, c, ItemInput.value(ItemKind.OFFER, "cordless tools"), "t");
        canvases.addItem(canvas, c, ItemInput.value(ItemKind.RELIEVER, "replacement within 24 hours"), "t");

        var result = argumentations.build(account, List.of(anna, bert), List.of(drillId, sawDraft), EN);

        assertThat(result.members()).extracting(m -> m.name() + ": " + m.motives())
                .containsExactly("Bert Smit: [Security, Comfort]", "Anna Visser: [Security, Economy]");
        assertThat(result.subjects()).as("drafts do not count").containsExactly("Cordless drill (DR-1)");
        assertThat(result.sections()).extracting(s -> s.motive() + " " + s.benefits().stream().map(b -> b.benefit() + " " + b.forMembers()).toList())
                .containsExactly("Security [no injuries on site [Bert Smit, Anna Visser]]",
                        "Comfort [no tired arms [Bert Smit]]",
                        "Economy [lasts for years [Anna Visser]]");
        assertThat(result.benefitCount()).as("each benefit once; prestige is nobody's motive here").isEqualTo(3);
        assertThat(result.canvas().statement()).isEqualTo("For Construction who finish jobs on schedule, our cordless tools "
                + "replacement within 24 hours, unlike renting tools.");

        String markdown = Documents.markdown(result, EN);
        assertThat(markdown).isEqualTo("""
                # Sales argumentation for Bouwbedrijf De Vries

                March 2, 2026 · Cordless drill \\(DR-1\\)

                > For Construction who finish jobs on schedule, our cordless tools replacement within 24 hours, unlike renting tools.

                ## Decision-making unit

                - **Bert Smit** \\(User\\): Security, Comfort
                - **Anna Visser** \\(Decider, Director\\): Security, Economy

                ## Security

                - **no injuries on site**\s\s
                  Because Kickback stop: stops when it jams \\(Cordless drill \\(DR-1\\)\\)\s\s
                  For: Bert Smit, Anna Visser

                ## Comfort

                - **no tired arms**\s\s
                  Because 1.4 kg: light \\(Cordless drill \\(DR-1\\)\\)\s\s
                  For: Bert Smit

                ## Economy

                - **lasts for years**\s\s
                  Because Brushless motor: no wear \\(Cordless drill \\(DR-1\\)\\)\s\s
                  For: Anna Visser

                ## Value proposition: Construction

                **Top pains and how we relieve them**

                - downtime \\<on site\\> — not answered yet

                """);
        String html = Documents.html(result, EN);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Sales argumentation for Bouwbedrijf De Vries</title>")
                .contains("@page { size: A4")
                .contains("<li>downtime &lt;on site&gt; — not answered yet</li>")
                .doesNotContain("<on site>").doesNotContain("<script");
        assertThat(html.indexOf("<h2>Security</h2>")).isLessThan(html.indexOf("<h2>Comfort</h2>"));
        assertThat(html.indexOf("<h2>Comfort</h2>")).isLessThan(html.indexOf("<h2>Economy</h2>"));
        assertThat(Documents.fileName(result, "md")).isEqualTo("argumentation-bouwbedrijf-de-vries-2026-03-02.md");

        var dutch = Documents.markdown(argumentations.build(account, List.of(anna), List.of(drillId), new Texts(Locale.of("nl"))),
                new Texts(Locale.of("nl")));
        assertThat(dutch).startsWith("# Verkoopargumentatie voor Bouwbedrijf De Vries").contains("## Zekerheid").contains("## Voordeel");
    }

    private long published(Subject subject, long motiveId, String advantage, String benefit) {
        long id = sellograms.create(subject, Set.of(motiveId), "t");
        int v = sellograms.addRow(id, 0, new RowInput("feature", advantage, benefit, Set.of(motiveId)), "t");
        sellograms.publish(id, v, "t");
        return id;
    }

    /** Just what {@link BenefitTexts} asks of its context: the plugin id, the database and the messages. */
    private static PluginContext context(Locale locale) {
        return new PluginContext() {
            @Override
            public String pluginId() {
                return "value-proposition";
            }

            @Override
            public String schema() {
                return "crm_value_proposition";
            }

            @Override
            public DSLContext dsl() {
                return dsl;
            }

            @Override
            public Optional<UserRef> currentUser() {
                return Optional.empty();
            }

            @Override
            public boolean hasPermission(String permission) {
                return false;
            }

            @Override
            public Locale locale() {
                return locale;
            }

            @Override
            public String message(String key, Object... arguments) {
                return new Texts(locale).get(key, arguments);
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }
        };
    }

    private static long item(org.crmworkbench.plugin.value.canvas.Canvas canvas, String text) {
        return canvas.items().stream().filter(i -> i.text().equals(text)).findFirst().orElseThrow().id();
    }

    private static long product(String code, String name) {
        return dsl.insertInto(PRODUCT, PRODUCT.CODE, PRODUCT.NAME, PRODUCT.PRODUCT_GROUP).values(code, name, "Tools")
                .returningResult(PRODUCT.ID).fetchSingle().value1();
    }

    private static long account(String name, String industry, String level) {
        return dsl.insertInto(ACCOUNT, ACCOUNT.NAME, ACCOUNT.INDUSTRY, ACCOUNT.ACCOUNT_LEVEL).values(name, industry, level)
                .returningResult(ACCOUNT.ID).fetchSingle().value1();
    }

    private static long contact(long account, String first, String last, String role, String job) {
        return dsl.insertInto(CONTACT, CONTACT.ACCOUNT_ID, CONTACT.FIRST_NAME, CONTACT.LAST_NAME, CONTACT.DMU_ROLE, CONTACT.JOB_TITLE)
                .values(account, first, last, role, job).returningResult(CONTACT.ID).fetchSingle().value1();
    }
}
