package org.crmworkbench.bench;

import org.crmworkbench.core.account.DemoAccounts;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.CONTACT;
import static org.crmworkbench.db.jooq.Tables.ORDER_LINE;
import static org.crmworkbench.db.jooq.Tables.PRODUCT;
import static org.crmworkbench.db.jooq.Tables.SALES_ORDER;

/**
 * The benchmarks' core data set: 20 users and 40 products, then accounts, contacts, orders and order
 * lines, each table filled set-based with {@code INSERT ... SELECT} from MariaDB's SEQUENCE engine,
 * {@value #CHUNK} rows per statement, without a round trip per row. Every value of row n is picked from
 * h = ((n XOR seed) x 2654435761) mod 2^32 (Knuth's multiplicative hash) and the reference date alone,
 * never from a random source: the same seed, volume and date give the same rows. Run it on a
 * {@link LoadFloor#openSession bulk session}.
 */
final class CoreData {

    /** The seed of every benchmark run. */
    static final int SEED = 1_234_567;
    static final int LINES_PER_ORDER = 3;
    static final int CONTACTS_PER_ACCOUNT = 3;
    private static final int CHUNK = 500_000;
    private static final long HASH = 2_654_435_761L;
    private static final long MOD = 4_294_967_296L;
    private static final Field<Long> SEQ = DSL.field(DSL.name("seq"), Long.class);
    private static final int USERS = 20;
    private static final int PRODUCTS = 40;
    private static final List<String> CITIES = List.of("Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen",
            "Zwolle", "Arnhem", "Breda", "Tilburg", "Nijmegen", "Haarlem", "Leeuwarden", "Maastricht", "Delft",
            "Antwerpen", "Gent", "Brugge", "Leuven", "Hasselt", "Mechelen", "Kortrijk", "Aalst", "Genk", "Zeist");
    private static final List<String> FIRST_NAMES = List.of("Anke", "Bram", "Daan", "Els", "Fleur", "Geert", "Hanne",
            "Joris", "Karin", "Lotte", "Maarten", "Noor", "Pieter", "Ruben", "Sofie", "Thijs", "Veerle", "Wim", "Annelies",
            "Bart", "Emma", "Floris", "Inge", "Jeroen", "Kees", "Lieke", "Mohamed", "Nathalie", "Sander", "Yasmina");
    /** Job titles with the DMU role that usually goes with them; null: no role recorded. */
    private static final List<String> JOB_TITLES = List.of("Directeur", "Eigenaar", "Inkoper", "Hoofd inkoop",
            "Office manager", "Receptionist", "Hoofd techniek", "Financieel manager", "Projectleider", "Werkvoorbereider",
            "Monteur", "Medewerker");
    private static final List<String> DMU_ROLES = Arrays.asList("DECIDER", "DECIDER", "BUYER", "BUYER", "GATEKEEPER",
            "GATEKEEPER", "INFLUENCER", "INFLUENCER", "INITIATOR", "USER", "USER", null);

    /** How many rows. */
    record Volume(int accounts, int contacts, int orderLines) {

        static Volume of(CoreBench.Size size) {
            return new Volume(size.accounts, size.accounts * CONTACTS_PER_ACCOUNT, size.orderLines);
        }

        /** The same without contacts, for a benchmark that never reads them. */
        Volume withoutContacts() {
            return new Volume(accounts, 0, orderLines);
        }

        int orders() {
            return orderLines / LINES_PER_ORDER;
        }
    }

    /** One table as the generator filled it: the columns it wrote (the others keep their defaults), rows and time. */
    record Load(Table<?> table, List<Field<?>> columns, long rows, double seconds) {
    }

    private final DSLContext dsl;
    private final long seed;
    private final LocalDate today;

    /** @param seed 0 to 2^31 - 1; @param today the reference date: orders fall in the three years before it */
    CoreData(DSLContext dsl, int seed, LocalDate today) {
        if (seed < 0) {
            throw new IllegalArgumentException("the seed must not be negative: " + seed);
        }
        this.dsl = dsl;
        this.seed = seed;
        this.today = today;
    }

    /** Fills the core tables, which must be empty; returns the load of each table with more than a handful of rows. */
    List<Load> generate(Volume volume) {
        return generate(volume, load -> { });
    }

    /**
     * The same, handing each table's load to {@code afterEach} as soon as the table is filled, before the next one
     * starts: a floor measured there meets the buffer pool as the generator left it for that table.
     */
    List<Load> generate(Volume volume, Consumer<Load> afterEach) {
        long firstUser = users();
        long firstProduct = products();
        var loads = new ArrayList<Load>();
        Consumer<Load> done = load -> {
            loads.add(load);
            afterEach.accept(load);
        };
        done.accept(accounts(volume.accounts(), firstUser));
        long firstAccount = dsl.select(DSL.min(ACCOUNT.ID)).from(ACCOUNT).fetchSingle().value1();
        if (volume.contacts() > 0) {
            done.accept(contacts(volume, firstAccount));
        }
        done.accept(orders(volume, firstAccount));
        long firstOrder = dsl.select(DSL.min(SALES_ORDER.ID)).from(SALES_ORDER).fetchSingle().value1();
        done.accept(orderLines(volume.orderLines(), firstOrder, firstProduct));
        for (Load load : loads) {
            dsl.query("ANALYZE TABLE {0}", load.table()).execute();
        }
        return loads;
    }

    private long users() {
        var users = dsl.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH);
        for (int i = 1; i <= USERS; i++) {
            users = users.values("bench" + i, "Bench user " + i, "{noop}not-for-login");
        }
        users.execute();
        return dsl.select(DSL.min(APP_USER.ID)).from(APP_USER).fetchSingle().value1();
    }

    private long products() {
        var products = dsl.insertInto(PRODUCT, PRODUCT.CODE, PRODUCT.NAME, PRODUCT.PRODUCT_GROUP, PRODUCT.UPDATED_BY);
        for (int i = 1; i <= PRODUCTS; i++) {
            products = products.values("B-" + i, "Product " + i, "Groep " + (1 + i % 6), "bench");
        }
        products.execute();
        return dsl.select(DSL.min(PRODUCT.ID)).from(PRODUCT).fetchSingle().value1();
    }

    /** Account n is called "trade family n"; its contacts' e-mail addresses are at "trade-family-n.nl". */
    private Load accounts(int count, long firstUser) {
        return fill(ACCOUNT, List.of(ACCOUNT.NAME, ACCOUNT.COC_NUMBER, ACCOUNT.CITY, ACCOUNT.COUNTRY, ACCOUNT.INDUSTRY,
                ACCOUNT.ACCOUNT_LEVEL, ACCOUNT.LIFECYCLE_STAGE, ACCOUNT.POTENTIAL_VALUE, ACCOUNT.ACCOUNT_MANAGER_ID,
                ACCOUNT.UPDATED_BY), count, seq -> {
            Field<Long> h = hash(SEQ);
            Field<String> trade = pick(h, 1, DemoAccounts.TRADES);
            return DSL.select(DSL.concat(trade, DSL.inline(" "), pick(h, 20, DemoAccounts.FAMILIES), DSL.inline(" "),
                                    SEQ.cast(String.class)),
                            DSL.lpad(SEQ.cast(String.class), 8, "0"), pick(h, 480, CITIES), DSL.inline("NL"), trade,
                            pick(h, 7, List.of("REGIONAL", "REGIONAL", "NATIONAL", "INTERNATIONAL")),
                            pick(h, 29, List.of("SUSPECT", "PROSPECT", "LEAD", "HOT_LEAD", "NEW_CUSTOMER", "LOYAL_CUSTOMER",
                                    "EX_CUSTOMER")),
                            h.mod(500L).mul(1000L).cast(BigDecimal.class),
                            DSL.val(firstUser).plus(h.mod((long) USERS)), DSL.inline("bench"))
                    .from(seq);
        });
    }

    /**
     * Contacts spread over the accounts (on average {@value #CONTACTS_PER_ACCOUNT}, some accounts have none, a few
     * many), with names, a job title and its DMU role; 90% have an e-mail address at their account's domain, 60% of
     * those gave consent to be mailed; 75% a mobile number; 5% are no longer active.
     */
    private Load contacts(Volume volume, long firstAccount) {
        return fill(CONTACT, List.of(CONTACT.ACCOUNT_ID, CONTACT.FIRST_NAME, CONTACT.LAST_NAME, CONTACT.JOB_TITLE,
                CONTACT.EMAIL, CONTACT.PHONE, CONTACT.DMU_ROLE, CONTACT.EMAIL_CONSENT, CONTACT.ACTIVE,
                CONTACT.UPDATED_BY), volume.contacts(), seq -> {
            Field<Long> h = hash(SEQ);
            // the account's row number: the multiplicative hash alone would spread the contacts too evenly
            // (every account 2 to 4), the mixed one gives what a CRM holds (some accounts none, a few many)
            Field<Long> account = mixed(hash(SEQ.plus((long) volume.contacts()))).mod((long) volume.accounts()).plus(1L);
            Field<Long> accountHash = hash(account);
            var digits = new Digits(h);
            Field<Long> first = digits.next(FIRST_NAMES.size());
            Field<Long> last = digits.next(DemoAccounts.FAMILIES.size());
            Field<Long> title = digits.next(JOB_TITLES.size());
            Condition withEmail = digits.next(10).ne(0L);
            Condition consent = withEmail.and(digits.next(10).lt(6L));
            Condition withPhone = digits.next(4).ne(0L);
            Condition active = digits.next(20).ne(0L);
            Field<String> domain = DSL.concat(pick(accountHash, 1, slugs(DemoAccounts.TRADES, "-")), DSL.inline("-"),
                    pick(accountHash, 20, slugs(DemoAccounts.FAMILIES, "-")), DSL.inline("-"), account.cast(String.class),
                    DSL.inline(".nl"));
            Field<String> email = DSL.concat(choose(first, slugs(FIRST_NAMES, "")), DSL.inline("."),
                    choose(last, slugs(DemoAccounts.FAMILIES, "")), DSL.inline("@"), domain);
            return DSL.select(DSL.val(firstAccount - 1).plus(account), choose(first, FIRST_NAMES),
                            choose(last, DemoAccounts.FAMILIES), choose(title, JOB_TITLES),
                            DSL.when(withEmail, email).otherwise(DSL.inline((String) null)),
                            DSL.when(withPhone, DSL.concat(DSL.inline("+31 6 "),
                                    DSL.lpad(h.mod(100_000_000L).cast(String.class), 8, "0"))).otherwise(DSL.inline((String) null)),
                            choose(title, DMU_ROLES), DSL.field(consent), DSL.field(active), DSL.inline("bench"))
                    .from(seq);
        });
    }

    /** About 60% of the accounts buy; order dates over the three years before the reference date. */
    private Load orders(Volume volume, long firstAccount) {
        return fill(SALES_ORDER, List.of(SALES_ORDER.ACCOUNT_ID, SALES_ORDER.ORDER_DATE, SALES_ORDER.CREATED_BY),
                volume.orders(), seq -> {
            Field<Long> h = hash(SEQ);
            return DSL.select(DSL.val(firstAccount).plus(h.mod((long) volume.accounts() * 6 / 10)),
                            DSL.val(today).minus(DSL.floor(h.div(7L)).mod(1095L).cast(Integer.class)), DSL.inline("bench"))
                    .from(seq);
        });
    }

    private Load orderLines(int count, long firstOrder, long firstProduct) {
        return fill(ORDER_LINE, List.of(ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO, ORDER_LINE.PRODUCT_ID, ORDER_LINE.QUANTITY,
                ORDER_LINE.UNIT_PRICE, ORDER_LINE.MARGIN_PCT), count, seq -> {
            Field<Long> h = hash(SEQ);
            Field<Long> zeroBased = SEQ.minus(1L);
            return DSL.select(DSL.val(firstOrder).plus(DSL.floor(zeroBased.div((long) LINES_PER_ORDER)).cast(Long.class)),
                            zeroBased.mod((long) LINES_PER_ORDER).plus(1L).cast(Integer.class),
                            DSL.val(firstProduct).plus(h.mod((long) PRODUCTS)),
                            h.mod(50L).plus(1L).cast(BigDecimal.class),
                            DSL.floor(h.div(50L)).mod(20_000L).div(100L).plus(1L).cast(BigDecimal.class),
                            DSL.floor(h.div(1000L)).mod(60L).minus(5L).cast(BigDecimal.class))
                    .from(seq);
        });
    }

    /** Fills the table in chunks; rows selects the values of the rows whose numbers the given sequence holds. */
    private Load fill(Table<?> table, List<Field<?>> columns, long count, Function<Table<?>, Select<?>> rows) {
        long start = System.nanoTime();
        long inserted = 0;
        for (long from = 1; from <= count; from += CHUNK) {
            inserted += dsl.insertInto(table).columns(columns).select(rows.apply(sequence(from, Math.min(count, from + CHUNK - 1))))
                    .execute();
        }
        return new Load(table, columns, inserted, (System.nanoTime() - start) / 1e9);
    }

    private static Table<?> sequence(long from, long to) {
        // MariaDB's SEQUENCE engine: a virtual table of the numbers 1..to; the range is pushed down
        return DSL.table(DSL.name("seq_1_to_" + to)).where(SEQ.ge(from)).asTable("seq");
    }

    private Field<Long> hash(Field<Long> n) {
        return n.bitXor(DSL.inline(seed)).mul(HASH).mod(MOD);
    }

    /** The finaliser of a 32-bit hash (xor-shift, multiply, xor-shift): neighbouring inputs end up far apart. */
    private static Field<Long> mixed(Field<Long> h) {
        Field<Long> x = h.bitXor(h.shr(16)).mul(0x45d9f3bL).mod(MOD);
        return x.bitXor(x.shr(16));
    }

    /** values[(h / divisor) mod size], in SQL. */
    private static Field<String> pick(Field<Long> h, long divisor, List<String> values) {
        return choose(DSL.floor(h.div(divisor)).mod((long) values.size()), values);
    }

    /** values[index], in SQL; index counts from 0. */
    private static Field<String> choose(Field<Long> index, List<String> values) {
        return DSL.choose(index.plus(1L).cast(Integer.class),
                values.stream().map(value -> DSL.inline(value, String.class)).toArray(Field[]::new));
    }

    /** "Technisch Bureau" as "technisch-bureau" (separator "-") or "technischbureau" (separator ""). */
    private static List<String> slugs(List<String> names, String separator) {
        return names.stream().map(name -> name.toLowerCase(Locale.ROOT).replace(" ", separator)).toList();
    }

    /** Successive mixed-radix digits of a hash: each digit reads other bits than the ones before it. */
    private static final class Digits {
        private final Field<Long> h;
        private long divisor = 1;

        Digits(Field<Long> h) {
            this.h = h;
        }

        Field<Long> next(int radix) {
            Field<Long> digit = DSL.floor(h.div(divisor)).mod((long) radix);
            divisor *= radix;
            return digit;
        }
    }
}
