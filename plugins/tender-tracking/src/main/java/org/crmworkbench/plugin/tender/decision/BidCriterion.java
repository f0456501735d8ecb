package org.crmworkbench.plugin.tender.decision;

import java.util.Locale;

/**
 * A question of the bid/no-bid screen: a pass/fail check when {@code weight} is null, else a criterion
 * scored 0..5 that counts with its weight.
 */
public record BidCriterion(long id, String nameEn, String nameNl, Integer weight, boolean active, int version) {

    public boolean check() {
        return weight == null;
    }

    public String name(Locale locale) {
        return "nl".equals(locale.getLanguage()) ? nameNl : nameEn;
    }
}
