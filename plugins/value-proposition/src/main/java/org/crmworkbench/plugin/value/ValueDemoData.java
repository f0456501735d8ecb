package org.crmworkbench.plugin.value;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.demo.DemoDataContribution;
import org.crmworkbench.plugin.value.canvas.CanvasInput;
import org.crmworkbench.plugin.value.canvas.Canvases;
import org.crmworkbench.plugin.value.canvas.GainLevel;
import org.crmworkbench.plugin.value.canvas.ItemInput;
import org.crmworkbench.plugin.value.canvas.ItemKind;
import org.crmworkbench.plugin.value.canvas.JobType;
import org.crmworkbench.plugin.value.motive.Motive;
import org.crmworkbench.plugin.value.motive.Motives;
import org.crmworkbench.plugin.value.sellogram.RowInput;
import org.crmworkbench.plugin.value.sellogram.Sellograms;
import org.crmworkbench.plugin.value.sellogram.Subject;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.pf4j.Extension;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.crmworkbench.api.coreviews.Tables.V_CONTACTS;
import static org.crmworkbench.api.coreviews.Tables.V_PRODUCTS;
import static org.crmworkbench.plugin.value.jooq.Tables.CONTACT_MOTIVE;
import static org.crmworkbench.plugin.value.jooq.Tables.MOTIVE;

/**
 * Published sellograms for a drill, safety glasses, a maintenance contract and a stock service, one
 * draft that is not ready yet, a canvas for construction companies with a profile for deciders, and
 * buying motives for every DMU member by role.
 */
@Extension
public class ValueDemoData implements DemoDataContribution {

    private static final String BY = "demo";

    @Override
    public void seed(PluginContext context) {
        var dsl = context.dsl();
        Map<String, Long> motive = new Motives(dsl).list(false).stream().collect(Collectors.toMap(Motive::nameEn, Motive::id));
        long security = motive.get("Security");
        long comfort = motive.get("Comfort");
        long economy = motive.get("Economy");
        long prestige = motive.get("Pride / prestige");
        long novelty = motive.get("Novelty");
        long sympathy = motive.get("Affection / sympathy");
        var sellograms = new Sellograms(dsl, context.clock());

        product(dsl, "GR-100").ifPresent(drill -> publish(sellograms, Subject.product(drill), Set.of(comfort, economy, security),
                row("18 V battery, two packs", "works a full day, one charges while the other works", "your crew never waits for a charge", comfort),
                row("Weighs 1.4 kg", "light and well balanced", "no tired arms at the end of the day", comfort),
                row("Brushless motor", "hardly any wear", "lasts for years: lower cost per hole", economy),
                row("Kickback stop", "stops at once when the bit jams", "fewer accidents on site", security)));
        product(dsl, "VL-200").ifPresent(glasses -> publish(sellograms, Subject.product(glasses), Set.of(security, prestige),
                row("EN 166 certified", "tested against impact", "you meet the safety rules without checking", security),
                row("Sporty frame in your colours", "looks good, people wear them", "a crew that looks professional to your clients", prestige)));
        product(dsl, "DI-100").ifPresent(contract -> publish(sellograms, Subject.product(contract), Set.of(security, comfort, economy, sympathy),
                row("Yearly inspection on site", "problems found before they stop you", "no unplanned downtime", security),
                row("One fixed contact person", "knows your machines and people", "you are helped by someone who knows you", sympathy),
                row("Fixed yearly price", "no surprise bills", "maintenance cost you can budget", economy),
                row("We plan the visits", "nothing to arrange yourself", "one thing less to think of", comfort)));
        publish(sellograms, Subject.service("Vendor managed inventory"), Set.of(comfort, economy, novelty),
                row("We watch your stock by scanner", "reordering happens by itself", "never out of consumables", comfort),
                row("Stock on consignment", "you pay when you use", "less money tied up in stock", economy),
                row("Live stock portal", "see your stock from any device", "always the latest way of working", novelty));
        product(dsl, "SC-100").ifPresent(cleaner -> {
            long draft = sellograms.create(Subject.product(cleaner), Set.of(economy), BY);
            sellograms.addRow(draft, 0, new RowInput("Concentrated 1:100", "one can makes 500 litres", "", Set.of(economy)), BY);
        });

        var canvases = new Canvases(dsl, context.clock());
        long canvas = canvases.create(new CanvasInput("Construction companies", null, "Bouwbedrijf", null,
                "buying tools at the DIY store", 3), BY);
        int v = 0;
        v = canvases.addItem(canvas, v, ItemInput.job(null, JobType.FUNCTIONAL, "finish projects on time and within budget"), BY);
        v = canvases.addItem(canvas, v, ItemInput.job(null, JobType.SOCIAL, "be seen as a reliable contractor"), BY);
        v = canvases.addItem(canvas, v, ItemInput.job(null, JobType.EMOTIONAL, "go home without worries about safety"), BY);
        v = canvases.addItem(canvas, v, ItemInput.pain(null, 5, "tools that fail on site stop the whole crew"), BY);
        v = canvases.addItem(canvas, v, ItemInput.pain(null, 4, "accidents and inspections"), BY);
        v = canvases.addItem(canvas, v, ItemInput.pain(null, 2, "too many suppliers and invoices"), BY);
        v = canvases.addItem(canvas, v, ItemInput.gain(null, GainLevel.REQUIRED, "tools that simply work"), BY);
        v = canvases.addItem(canvas, v, ItemInput.gain(null, GainLevel.DESIRED, "one supplier for tools and consumables"), BY);
        v = canvases.addItem(canvas, v, ItemInput.gain(null, GainLevel.UNEXPECTED, "stock that refills itself"), BY);
        v = canvases.addItem(canvas, v, ItemInput.pain("DECIDER", 4, "cost of tools keeps rising"), BY);
        v = canvases.addItem(canvas, v, ItemInput.gain("DECIDER", GainLevel.EXPECTED, "predictable yearly cost"), BY);
        v = canvases.addItem(canvas, v, ItemInput.value(ItemKind.OFFER, "professional cordless tools with a maintenance contract"), BY);
        v = canvases.addItem(canvas, v, ItemInput.value(ItemKind.OFFER, "vendor managed inventory"), BY);
        v = canvases.addItem(canvas, v, ItemInput.value(ItemKind.RELIEVER, "puts a replacement tool on site within 24 hours"), BY);
        v = canvases.addItem(canvas, v, ItemInput.value(ItemKind.RELIEVER, "brings certified safety gear and a yearly inspection"), BY);
        v = canvases.addItem(canvas, v, ItemInput.value(ItemKind.CREATOR, "puts tools and consumables on one order"), BY);
        v = canvases.addItem(canvas, v, ItemInput.value(ItemKind.CREATOR, "watches and refills your stock"), BY);
        v = canvases.addItem(canvas, v, ItemInput.value(ItemKind.CREATOR, "fixes the yearly cost of maintenance"), BY);
        var items = canvases.find(canvas).orElseThrow().items().stream()
                .collect(Collectors.toMap(i -> i.text(), i -> i.id()));
        v = canvases.answer(canvas, v, items.get("tools that fail on site stop the whole crew"),
                Set.of(items.get("puts a replacement tool on site within 24 hours")), BY);
        v = canvases.answer(canvas, v, items.get("accidents and inspections"), Set.of(items.get("brings certified safety gear and a yearly inspection")), BY);
        v = canvases.answer(canvas, v, items.get("tools that simply work"), Set.of(items.get("fixes the yearly cost of maintenance")), BY);
        v = canvases.answer(canvas, v, items.get("one supplier for tools and consumables"), Set.of(items.get("puts tools and consumables on one order")), BY);
        v = canvases.answer(canvas, v, items.get("stock that refills itself"), Set.of(items.get("watches and refills your stock")), BY);
        canvases.answer(canvas, v, items.get("predictable yearly cost"), Set.of(items.get("fixes the yearly cost of maintenance")), BY);

        // buying motives by DMU role, in one statement per role
        Map<String, List<Long>> byRole = Map.of("DECIDER", List.of(economy, security), "BUYER", List.of(economy),
                "USER", List.of(comfort, security), "INFLUENCER", List.of(novelty, prestige), "GATEKEEPER", List.of(security),
                "INITIATOR", List.of(novelty));
        byRole.forEach((role, motives) -> dsl.insertInto(CONTACT_MOTIVE, CONTACT_MOTIVE.CONTACT_ID, CONTACT_MOTIVE.MOTIVE_ID)
                .select(DSL.select(V_CONTACTS.ID, MOTIVE.ID).from(V_CONTACTS).crossJoin(MOTIVE)
                        .where(V_CONTACTS.DMU_ROLE.eq(role).and(V_CONTACTS.ACTIVE.isTrue()).and(MOTIVE.ID.in(motives))))
                .execute());
    }

    private static java.util.Optional<Long> product(DSLContext dsl, String code) {
        return dsl.select(V_PRODUCTS.ID).from(V_PRODUCTS).where(V_PRODUCTS.CODE.eq(code).and(V_PRODUCTS.ACTIVE.isTrue()))
                .fetchOptional(V_PRODUCTS.ID);
    }

    private static RowInput row(String feature, String advantage, String benefit, long... motives) {
        return new RowInput(feature, advantage, benefit, Arrays.stream(motives).boxed().collect(Collectors.toSet()));
    }

    private static void publish(Sellograms sellograms, Subject subject, Set<Long> motives, RowInput... rows) {
        long id = sellograms.create(subject, motives, BY);
        int version = 0;
        for (var row : rows) {
            version = sellograms.addRow(id, version, row, BY);
        }
        sellograms.publish(id, version, BY);
    }
}
