package org.crmworkbench.plugin.nps.results;

/** Where an answer on the 0–10 scale falls (DOMAIN.md section 3). */
public enum Category {
    /** 9–10. */
    PROMOTER,
    /** 7–8 (passief tevreden). */
    PASSIVE,
    /** 0–6 (criticasters). */
    DETRACTOR;

    public static Category of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("an NPS answer lies in 0..10: " + score);
        }
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }

    /** The group, e.g. "Promoters". */
    public String labelKey() {
        return "category." + name().toLowerCase();
    }

    /** One answer's category, e.g. "Promoter". */
    public String singularKey() {
        return "category.one." + name().toLowerCase();
    }
}
