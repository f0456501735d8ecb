package org.crmworkbench.core.account;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.ACCOUNT_STAGE_HISTORY;

/**
 * Demo accounts with Dutch and Belgian names and cities, the same on every machine (fixed seed),
 * written with batched multi-row inserts.
 */
public final class DemoAccounts {

    /** Trades in demo names, shared with the benchmark generator. */
    public static final List<String> TRADES = List.of("Bakkerij", "Installatiebedrijf", "Transport", "Drukkerij",
            "Bouwbedrijf", "Tuincentrum", "Garage", "Brouwerij", "Zorggroep", "Technisch Bureau", "Houthandel",
            "Schildersbedrijf", "Loonbedrijf", "Metaalbewerking", "Kantoorinrichting", "Veehandel", "Elektro",
            "Groothandel", "Reisbureau", "Accountantskantoor");
    /** Family names in demo names, shared with the benchmark generator. */
    public static final List<String> FAMILIES = List.of("de Vries", "Jansen", "Peeters", "Janssens", "Bakker",
            "Visser", "Maes", "Willems", "Claes", "Smit", "Mertens", "Dekker", "van Dijk", "de Boer", "Mulder",
            "Goossens", "Wouters", "Hendriks", "van Leeuwen", "Dubois", "Vermeulen", "de Smet", "Kok", "Bos");
    private static final List<String> FORMS = List.of("B.V.", "& Zn.", "BV", "NV", "VOF", "");
    private static final List<String[]> CITIES = List.of(
            new String[]{"Amsterdam", "NL"}, new String[]{"Rotterdam", "NL"}, new String[]{"Utrecht", "NL"},
            new String[]{"Eindhoven", "NL"}, new String[]{"Groningen", "NL"}, new String[]{"Zwolle", "NL"},
            new String[]{"Arnhem", "NL"}, new String[]{"Breda", "NL"}, new String[]{"Tilburg", "NL"},
            new String[]{"Nijmegen", "NL"}, new String[]{"Haarlem", "NL"}, new String[]{"Leeuwarden", "NL"},
            new String[]{"Maastricht", "NL"}, new String[]{"Delft", "NL"}, new String[]{"'s-Hertogenbosch", "NL"},
            new String[]{"Antwerpen", "BE"}, new String[]{"Gent", "BE"}, new String[]{"Brugge", "BE"},
            new String[]{"Leuven", "BE"}, new String[]{"Hasselt", "BE"}, new String[]{"Mechelen", "BE"},
            new String[]{"Kortrijk", "BE"}, new String[]{"Aalst", "BE"}, new String[]{"Genk", "BE"});
    private static final int BATCH = 500;

    private DemoAccounts() {
    }

    /** Inserts {@code count} accounts, managed in turn by the given users (may be empty). */
    public static void create(DSLContext dsl, int count, List<Long> managerIds, long seed) {
        var random = new Random(seed);
        var stages = LifecycleStage.values();
        for (int start = 0; start < count; start += BATCH) {
            var insert = dsl.insertInto(ACCOUNT, ACCOUNT.NAME, ACCOUNT.COC_NUMBER, ACCOUNT.CITY, ACCOUNT.COUNTRY,
                    ACCOUNT.INDUSTRY, ACCOUNT.ACCOUNT_LEVEL, ACCOUNT.LIFECYCLE_STAGE, ACCOUNT.POTENTIAL_VALUE,
                    ACCOUNT.ACCOUNT_MANAGER_ID, ACCOUNT.UPDATED_BY);
            for (int i = start; i < Math.min(count, start + BATCH); i++) {
                String trade = TRADES.get(random.nextInt(TRADES.size()));
                String name = (trade + " " + FAMILIES.get(random.nextInt(FAMILIES.size())) + " "
                        + FORMS.get(random.nextInt(FORMS.size()))).strip();
                String[] city = CITIES.get(random.nextInt(CITIES.size()));
                AccountLevel level = random.nextInt(10) < 7 ? AccountLevel.REGIONAL
                        : random.nextInt(3) < 2 ? AccountLevel.NATIONAL : AccountLevel.INTERNATIONAL;
                LifecycleStage stage = stages[random.nextInt(stages.length)];
                Long manager = managerIds.isEmpty() ? null : managerIds.get(i % managerIds.size());
                insert = insert.values(name, String.valueOf(30_000_000 + i * 7), city[0], city[1], trade, level.name(),
                        stage.name(), BigDecimal.valueOf(1_000L * (5 + random.nextInt(500))), manager, "demo");
            }
            insert.execute();
        }
        var h = ACCOUNT_STAGE_HISTORY;
        dsl.insertInto(h, h.ACCOUNT_ID, h.TO_STAGE, h.CHANGED_BY, h.CAUSE)
                .select(DSL.select(ACCOUNT.ID, ACCOUNT.LIFECYCLE_STAGE, DSL.val("demo"), DSL.val(StageChangeCause.CREATED.name()))
                        .from(ACCOUNT))
                .execute();
    }
}
