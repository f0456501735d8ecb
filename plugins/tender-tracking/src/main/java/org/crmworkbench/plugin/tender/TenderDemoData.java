package org.crmworkbench.plugin.tender;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.demo.DemoDataContribution;
import org.crmworkbench.plugin.tender.answer.Answers;
import org.crmworkbench.plugin.tender.award.AwardMethod;
import org.crmworkbench.plugin.tender.award.Awards;
import org.crmworkbench.plugin.tender.award.PriceFormula;
import org.crmworkbench.plugin.tender.decision.BidCriterion;
import org.crmworkbench.plugin.tender.decision.BidDecisions;
import org.crmworkbench.plugin.tender.decision.Decision;
import org.crmworkbench.plugin.tender.register.KeyDates;
import org.crmworkbench.plugin.tender.register.LostReason;
import org.crmworkbench.plugin.tender.register.ProcedureType;
import org.crmworkbench.plugin.tender.register.TenderInput;
import org.crmworkbench.plugin.tender.register.TenderParts;
import org.crmworkbench.plugin.tender.register.TenderStatus;
import org.crmworkbench.plugin.tender.register.Tenders;
import org.crmworkbench.plugin.tender.work.BidWork;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_USERS;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER;
import static org.crmworkbench.plugin.tender.jooq.Tables.TENDER_STATUS_CHANGE;

/**
 * Eleven tenders of the demo accounts across the pipeline, with dates around today: bid/no-bid
 * decisions, lots, Q&amp;A and tasks on the ones in preparation, two won and three lost tenders (one
 * with the published scores of a price-quality award), and a few reusable answers.
 */
@Extension
public class TenderDemoData implements DemoDataContribution {

    private static final String BY = "demo";

    @Override
    public void seed(PluginContext context) {
        var dsl = context.dsl();
        List<Long> accounts = dsl.select(V_ACCOUNTS.ID).from(V_ACCOUNTS).orderBy(V_ACCOUNTS.ID).limit(8).fetch(V_ACCOUNTS.ID);
        if (accounts.size() < 4) {
            return;
        }
        LocalDate today = LocalDate.now(context.clock());
        var tenders = new Tenders(dsl, context.clock(), null);
        var decisions = new BidDecisions(dsl, context.clock());
        var parts = new TenderParts(dsl, context.clock());
        var work = new BidWork(dsl);

        long cleaning = tenders.create(tender("Office cleaning 2027-2030", accounts.get(0), "2026-118", "45000000-7, 90910000-9",
                ProcedureType.OPEN, "480000", today.minusDays(20), today.plusDays(4), today.plusDays(12), AwardMethod.PRICE_QUALITY), BY);
        decide(dsl, decisions, cleaning, Decision.BID, 4, "Fits our services; we know the facilities manager.");
        advance(dsl, cleaning, TenderStatus.PREPARING, today);
        parts.saveLot(cleaning, null, "Lot 1: town hall", new BigDecimal("300000"), TenderParts.LotStatus.BIDDING);
        parts.saveLot(cleaning, null, "Lot 2: sports halls", new BigDecimal("180000"), TenderParts.LotStatus.NO_BID);
        parts.addDocument(cleaning, "Tender guidelines", "https://www.tenderned.nl/aankondigingen/overzicht/2026-118", "1.2", null);
        work.saveQuestion(cleaning, null, today.minusDays(6), "May we visit the sports halls before bidding?", "Yes, on request.", today.minusDays(3));
        work.saveQuestion(cleaning, null, today.minusDays(2), "Is the 2025 cleaning frequency binding?", "", null);
        work.addTask(cleaning, "Price calculation per lot", null, today.plusDays(5));
        work.addTask(cleaning, "Collect ISO 9001 certificate", null, today.minusDays(1));

        long tools = tenders.create(tender("Framework agreement power tools", accounts.get(1), "FA-PT-27", "44512000-2",
                ProcedureType.MULTIPLE_PRIVATE, "150000", today.minusDays(8), today.plusDays(6), today.plusDays(20), AwardMethod.LOWEST_PRICE), BY);
        decide(dsl, decisions, tools, Decision.BID, 5, "Our core range; strong chance on price.");
        advance(dsl, tools, TenderStatus.BID_NO_BID, today);
        long safety = tenders.create(tender("Personal protective equipment", accounts.get(2), "PPE-2027", "18143000-3",
                ProcedureType.RESTRICTED, "90000", today.minusDays(2), today.plusDays(15), today.plusDays(30), AwardMethod.PRICE_QUALITY), BY);
        advance(dsl, safety, TenderStatus.QUALIFYING, today);
        tenders.create(tender("Maintenance of installations", accounts.get(3), "", "50700000-2", ProcedureType.NEGOTIATED, "1200000",
                today.plusDays(3), today.plusDays(40), today.plusDays(60), AwardMethod.PRICE_QUALITY), BY);
        long warehouse = tenders.create(tender("Warehouse racking", accounts.get(0), "WR-55", "39131100-0", ProcedureType.OPEN, "220000",
                today.minusDays(40), today.minusDays(20), today.minusDays(5), AwardMethod.PRICE_QUALITY), BY);
        decide(dsl, decisions, warehouse, Decision.BID, 4, "Good fit, margin acceptable.");
        advance(dsl, warehouse, TenderStatus.SUBMITTED, today);
        long fleet = tenders.create(tender("Fleet tyres", accounts.get(1), "FT-9", "34350000-5", ProcedureType.OPEN, "60000",
                today.minusDays(30), today.minusDays(15), today.plusDays(9), AwardMethod.LOWEST_PRICE), BY);
        decide(dsl, decisions, fleet, Decision.NO_BID, 1, "Not our range; no capacity.");
        advance(dsl, fleet, TenderStatus.WITHDRAWN, today);

        long won = past(dsl, tenders, decisions, tender("Workwear 2026", accounts.get(2), "WW-26", "18100000-0", ProcedureType.OPEN, "75000",
                today.minusDays(120), today.minusDays(90), today.minusDays(70), AwardMethod.LOWEST_PRICE), TenderStatus.WON, null, 36, today);
        past(dsl, tenders, decisions, tender("Cleaning supplies", accounts.get(3), "CS-3", "39830000-9", ProcedureType.MULTIPLE_PRIVATE, "40000",
                today.minusDays(200), today.minusDays(170), today.minusDays(150), AwardMethod.LOWEST_PRICE), TenderStatus.WON, null, 20, today);
        long lost = past(dsl, tenders, decisions, tender("Facility services", accounts.get(0), "FS-2026", "79993000-1", ProcedureType.OPEN,
                "650000", today.minusDays(60), today.minusDays(35), today.minusDays(8), AwardMethod.PRICE_QUALITY), TenderStatus.LOST,
                LostReason.PRICE, 80, today);
        past(dsl, tenders, decisions, tender("Hand tools", accounts.get(1), "HT-1", "44511000-5", ProcedureType.OPEN, "30000",
                today.minusDays(150), today.minusDays(130), today.minusDays(110), AwardMethod.LOWEST_PRICE), TenderStatus.LOST,
                LostReason.PRICE, 12, today);
        past(dsl, tenders, decisions, tender("Safety training", accounts.get(2), "ST-4", "80550000-4", ProcedureType.RESTRICTED, "55000",
                today.minusDays(100), today.minusDays(80), today.minusDays(60), AwardMethod.PRICE_QUALITY), TenderStatus.LOST,
                LostReason.QUALITY, 30, today);
        dsl.update(TENDER).set(TENDER.STANDSTILL_END, today.plusDays(12)).where(TENDER.ID.eq(lost)).execute();
        dsl.update(TENDER).set(TENDER.CONTRACT_START, today.minusDays(40)).set(TENDER.CONTRACT_END, today.plusDays(325))
                .where(TENDER.ID.eq(won)).execute();

        var awards = new Awards(dsl);
        long quality = awards.addCriterion(lost, "Quality plan", new BigDecimal("60"), false);
        awards.addCriterion(lost, "Price", new BigDecimal("40"), true);
        awards.saveBidder(lost, null, "CleanCo B.V.", false, new BigDecimal("600000"), Map.of(quality, new BigDecimal("45")));
        awards.saveBidder(lost, null, "Our company", true, new BigDecimal("680000"), Map.of(quality, new BigDecimal("48")));
        awards.saveBidder(lost, null, "Facilitair Plus", false, new BigDecimal("640000"), Map.of(quality, new BigDecimal("40")));

        // the demo's sales user leads the bids, the manager joins the team of the one in preparation
        var users = dsl.select(V_USERS.USERNAME, V_USERS.ID).from(V_USERS).where(V_USERS.USERNAME.in("sales", "manager"))
                .fetchMap(V_USERS.USERNAME, V_USERS.ID);
        if (users.containsKey("sales")) {
            dsl.update(TENDER).set(TENDER.OWNER_ID, users.get("sales")).execute();
            parts.putMember(cleaning, users.get("sales"), "Bid manager");
        }
        if (users.containsKey("manager")) {
            parts.putMember(cleaning, users.get("manager"), "Pricing");
        }

        var answers = new Answers(dsl, context.clock());
        answers.save(null, 0, "Quality management", "We work under ISO 9001:2015 since 2012; our quality manual and the last audit report are "
                + "available on request. Every contract gets a quarterly review with the client.", "quality, ISO", BY);
        answers.save(null, 0, "Sustainability", "Our delivery vans run on electricity in all city centres; packaging is recycled or reused, "
                + "and we report CO2 per delivery each quarter.", "CSR, sustainability", BY);
        answers.save(null, 0, "Delivery times", "Orders placed before 16:00 are delivered the next working day; urgent orders within four "
                + "hours in the region.", "logistics", BY);
        answers.save(null, 0, "Account management", "Each contract has a named account manager and a back-office colleague as deputy; "
                + "escalation to the sales director within one working day.", "service", BY);
    }

    private static TenderInput tender(String title, long authority, String reference, String cpv, ProcedureType procedure, String value,
                                      LocalDate publication, LocalDate questions, LocalDate submission, AwardMethod method) {
        var dates = new KeyDates(publication, questions, submission, null, null, null, null);
        return new TenderInput(title, authority, reference, "TenderNed", cpv, procedure, new BigDecimal(value), "EUR", dates, null, method,
                PriceFormula.RELATIVE, null, "", null);
    }

    private static long past(org.jooq.DSLContext dsl, Tenders tenders, BidDecisions decisions, TenderInput input, TenderStatus outcome,
                             LostReason reason, int effort, LocalDate today) {
        long id = tenders.create(input, BY);
        decide(dsl, decisions, id, Decision.BID, 4, "Worth a bid.");
        advance(dsl, id, TenderStatus.SUBMITTED, today);
        // demo data runs without a signed-in user, so the outcome is written here; a user's "Won" records the core opportunity
        dsl.update(TENDER).set(TENDER.STATUS, outcome.name()).set(TENDER.LOST_REASON, reason == null ? null : reason.name())
                .set(TENDER.AWARD_DECISION_DATE, input.dates().submissionDeadline().plusDays(20)).set(TENDER.EFFORT_HOURS, effort)
                .where(TENDER.ID.eq(id)).execute();
        history(dsl, id, TenderStatus.SUBMITTED, outcome, today);
        return id;
    }

    private static void decide(org.jooq.DSLContext dsl, BidDecisions decisions, long tender, Decision decision, int score, String reason) {
        var checks = new HashMap<Long, Boolean>();
        var scores = new HashMap<Long, Integer>();
        for (BidCriterion q : decisions.questions(true)) {
            if (q.check()) {
                checks.put(q.id(), true);
            } else {
                scores.put(q.id(), Math.max(0, Math.min(5, score - (int) (q.id() % 2))));
            }
        }
        decisions.record(tender, checks, scores, decision, reason, BY);
    }

    /** Moves a demo tender along the pipeline without the clock's "not before the deadline" rule (they are in the past). */
    private static void advance(org.jooq.DSLContext dsl, long tender, TenderStatus to, LocalDate today) {
        var path = List.of(TenderStatus.IDENTIFIED, TenderStatus.QUALIFYING, TenderStatus.BID_NO_BID, TenderStatus.PREPARING, TenderStatus.SUBMITTED);
        TenderStatus from = TenderStatus.IDENTIFIED;
        for (TenderStatus step : path.subList(1, to == TenderStatus.WITHDRAWN ? 3 : path.indexOf(to) + 1)) {
            history(dsl, tender, from, step, today);
            from = step;
        }
        if (to == TenderStatus.WITHDRAWN) {
            history(dsl, tender, from, to, today);
        }
        dsl.update(TENDER).set(TENDER.STATUS, to.name()).where(TENDER.ID.eq(tender)).execute();
    }

    private static void history(org.jooq.DSLContext dsl, long tender, TenderStatus from, TenderStatus to, LocalDate today) {
        dsl.insertInto(TENDER_STATUS_CHANGE, TENDER_STATUS_CHANGE.TENDER_ID, TENDER_STATUS_CHANGE.FROM_STATUS, TENDER_STATUS_CHANGE.TO_STATUS,
                TENDER_STATUS_CHANGE.CHANGED_AT, TENDER_STATUS_CHANGE.CHANGED_BY)
                .values(tender, from.name(), to.name(), LocalDateTime.of(today.minusDays(1), java.time.LocalTime.NOON), BY).execute();
    }
}
