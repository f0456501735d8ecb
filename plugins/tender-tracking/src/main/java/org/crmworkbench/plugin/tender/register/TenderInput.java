package org.crmworkbench.plugin.tender.register;

import org.crmworkbench.plugin.tender.award.AwardMethod;
import org.crmworkbench.plugin.tender.award.PriceFormula;

import java.math.BigDecimal;

/**
 * The editable fields of a tender.
 *
 * @param title          what is being procured, required, at most 300 characters
 * @param authorityId    the contracting authority: a core account, required
 * @param reference      the authority's or portal's reference; optional
 * @param source         where we found it, e.g. a procurement portal or a private invitation; optional
 * @param cpvCodes       CPV codes such as {@code 45000000-7}, separated by commas or spaces; optional
 * @param procedure      the procedure, required
 * @param estimatedValue estimated value, not negative; optional
 * @param currency       ISO 4217 code, e.g. EUR
 * @param dates          the key dates, in their order
 * @param ownerId        the user who leads the bid; optional
 * @param awardMethod    lowest price or best price-quality ratio
 * @param priceFormula   how prices become points
 * @param lostReason     why it was lost; only for lost tenders
 * @param lessons        what we learnt, at most 2,000 characters
 * @param effortHours    hours spent on the bid, not negative; optional
 */
public record TenderInput(String title, Long authorityId, String reference, String source, String cpvCodes,
                          ProcedureType procedure, BigDecimal estimatedValue, String currency, KeyDates dates, Long ownerId,
                          AwardMethod awardMethod, PriceFormula priceFormula, LostReason lostReason, String lessons,
                          Integer effortHours) {

    /** A new tender's defaults: open procedure, euro, lowest price. */
    public static TenderInput blank() {
        return new TenderInput("", null, "", "", "", ProcedureType.OPEN, null, "EUR", KeyDates.NONE, null,
                AwardMethod.LOWEST_PRICE, PriceFormula.RELATIVE, null, "", null);
    }

    public TenderInput withTitle(String other) {
        return new TenderInput(other, authorityId, reference, source, cpvCodes, procedure, estimatedValue, currency, dates, ownerId,
                awardMethod, priceFormula, lostReason, lessons, effortHours);
    }

    public TenderInput withAuthority(Long other) {
        return new TenderInput(title, other, reference, source, cpvCodes, procedure, estimatedValue, currency, dates, ownerId,
                awardMethod, priceFormula, lostReason, lessons, effortHours);
    }

    public TenderInput withDates(KeyDates other) {
        return new TenderInput(title, authorityId, reference, source, cpvCodes, procedure, estimatedValue, currency, other, ownerId,
                awardMethod, priceFormula, lostReason, lessons, effortHours);
    }

    public TenderInput withValue(BigDecimal other) {
        return new TenderInput(title, authorityId, reference, source, cpvCodes, procedure, other, currency, dates, ownerId,
                awardMethod, priceFormula, lostReason, lessons, effortHours);
    }
}
