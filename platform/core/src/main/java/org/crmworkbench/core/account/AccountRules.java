package org.crmworkbench.core.account;

import org.crmworkbench.core.editing.Decimals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The server-side rules for account input, shared by UI, import and API. */
final class AccountRules {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    private static final Pattern COC = Pattern.compile("\\d{8}");
    private static final Pattern VAT = Pattern.compile("(NL\\d{9}B\\d{2}|BE0?\\d{9,10}|[A-Z]{2}[0-9A-Z]{2,12})");
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s/$.?#][^\\s]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private AccountRules() {
    }

    /** Field name to message key for every broken rule; empty when the input is fine. */
    static Map<String, String> check(AccountData data) {
        var errors = new LinkedHashMap<String, String>();
        if (data.name() == null || data.name().isBlank()) {
            errors.put("name", "account.error.name-required");
        } else if (data.name().strip().length() > 200) {
            errors.put("name", "account.error.name-length");
        }
        if (present(data.cocNumber()) && !COC.matcher(data.cocNumber().strip()).matches()) {
            errors.put("cocNumber", "account.error.coc-number");
        }
        if (present(data.vatNumber()) && !VAT.matcher(data.vatNumber().strip().replace(" ", "").toUpperCase()).matches()) {
            errors.put("vatNumber", "account.error.vat-number");
        }
        if (present(data.website()) && !WEBSITE.matcher(data.website().strip()).matches()) {
            errors.put("website", "account.error.website");
        }
        if (data.country() == null || !COUNTRY.matcher(data.country()).matches()) {
            errors.put("country", "account.error.country");
        }
        if (data.level() == null) {
            errors.put("level", "account.error.level-required");
        }
        if (data.stage() == null) {
            errors.put("stage", "account.error.stage-required");
        }
        if (data.potentialValue() != null && Decimals.tooPrecise(data.potentialValue())) {
            errors.put("potentialValue", "account.error.potential-too-large");
        } else if (data.potentialValue() != null && data.potentialValue().compareTo(BigDecimal.ZERO) < 0) {
            errors.put("potentialValue", "account.error.potential-negative");
        } else if (data.potentialValue() != null && data.potentialValue().compareTo(MAX_AMOUNT) > 0) {
            errors.put("potentialValue", "account.error.potential-too-large"); // DECIMAL(14, 2)
        }
        maxLength(errors, "website", data.website(), 200);
        maxLength(errors, "notes", data.notes(), 10_000);
        maxLength(errors, "industry", data.industry(), 100);
        maxLength(errors, "city", data.city(), 100);
        maxLength(errors, "leadSource", data.leadSource(), 100);
        maxLength(errors, "street", data.street(), 200);
        maxLength(errors, "postalCode", data.postalCode(), 10);
        return errors;
    }

    private static void maxLength(Map<String, String> errors, String field, String value, int max) {
        if (present(value) && value.strip().length() > max) {
            errors.put(field, "account.error.too-long");
        }
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
