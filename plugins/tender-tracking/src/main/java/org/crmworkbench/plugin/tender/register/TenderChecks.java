package org.crmworkbench.plugin.tender.register;

import org.crmworkbench.plugin.tender.InputRejectedException;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;

/** The rules a tender's fields must follow; every broken rule is reported at once, by field. */
final class TenderChecks {

    static final int MAX_TITLE = 300;
    private static final Pattern CPV = Pattern.compile("\\d{8}(-\\d)?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal MAX_VALUE = new BigDecimal("999999999999.99");

    private TenderChecks() {
    }

    static void validate(DSLContext dsl, TenderInput input) {
        Map<String, String> errors = new LinkedHashMap<>(check(input));
        if (input.authorityId() != null && !errors.containsKey("authority")
                && !dsl.fetchExists(V_ACCOUNTS, V_ACCOUNTS.ID.eq(input.authorityId()))) {
            errors.put("authority", "tender.error.authority-gone");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
    }

    /** The broken rules that need no database, field name to message key. */
    static Map<String, String> check(TenderInput input) {
        var errors = new LinkedHashMap<String, String>();
        if (input.title() == null || input.title().isBlank()) {
            errors.put("title", "tender.error.title-required");
        } else if (input.title().strip().length() > MAX_TITLE) {
            errors.put("title", "tender.error.title-long");
        }
        if (input.authorityId() == null) {
            errors.put("authority", "tender.error.authority-required");
        }
        if (length(input.reference()) > 100) {
            errors.put("reference", "tender.error.reference-long");
        }
        if (length(input.source()) > 100) {
            errors.put("source", "tender.error.source-long");
        }
        if (!cpvValid(input.cpvCodes())) {
            errors.put("cpvCodes", "tender.error.cpv");
        } else if (normaliseCpv(input.cpvCodes()).length() > 200) {
            errors.put("cpvCodes", "tender.error.cpv-long");
        }
        if (input.procedure() == null) {
            errors.put("procedure", "tender.error.procedure-required");
        }
        if (input.estimatedValue() != null && (input.estimatedValue().signum() < 0 || input.estimatedValue().compareTo(MAX_VALUE) > 0)) {
            errors.put("estimatedValue", "tender.error.value");
        }
        if (input.currency() == null || !CURRENCY.matcher(input.currency().strip().toUpperCase()).matches()) {
            errors.put("currency", "tender.error.currency");
        }
        String outOfOrder = input.dates().outOfOrder();
        if (outOfOrder != null) {
            errors.put(outOfOrder, "tender.error.date-order");
        }
        var dates = input.dates();
        if (dates.contractStart() != null && dates.contractEnd() != null && dates.contractEnd().isBefore(dates.contractStart())) {
            errors.put("contractEnd", "tender.error.contract-end");
        }
        if (input.awardMethod() == null) {
            errors.put("awardMethod", "tender.error.award-method");
        }
        if (input.priceFormula() == null) {
            errors.put("priceFormula", "tender.error.price-formula");
        }
        if (length(input.lessons()) > 2000) {
            errors.put("lessons", "tender.error.lessons-long");
        }
        if (input.effortHours() != null && (input.effortHours() < 0 || input.effortHours() > 100_000)) {
            errors.put("effortHours", "tender.error.effort");
        }
        return errors;
    }

    static boolean cpvValid(String codes) {
        return codes == null || codes.isBlank() || Arrays.stream(codes.strip().split("[,;\\s]+")).allMatch(c -> CPV.matcher(c).matches());
    }

    /** CPV codes separated by a comma and a space, in the order given, each once. */
    static String normaliseCpv(String codes) {
        if (codes == null || codes.isBlank()) {
            return "";
        }
        return Arrays.stream(codes.strip().split("[,;\\s]+")).distinct().collect(Collectors.joining(", "));
    }

    private static int length(String value) {
        return value == null ? 0 : value.strip().length();
    }
}
