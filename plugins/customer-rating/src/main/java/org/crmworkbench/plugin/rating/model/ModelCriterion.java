package org.crmworkbench.plugin.rating.model;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A criterion of a rating model.
 *
 * @param id         primary key; stays the same across model versions, so manual scores keep
 * @param nameEn     English name
 * @param nameNl     Dutch name
 * @param method     assessment method
 * @param kind       scored by hand or computed
 * @param rule       the rule of a computed criterion, null for a manual one
 * @param metricKey  for rule {@link Rule#METRIC}: the key of the account metric, else null
 * @param lowerIsBetter a lower raw value is better, so thresholds are maxima (recency, some metrics)
 * @param weight     weight in the account's value
 * @param scaleMax   the scale runs from 1 to this (default 10)
 * @param minScore   knock-out minimum, or null
 * @param thresholds how a computed criterion's raw value maps to the scale; null for a manual one
 */
public record ModelCriterion(long id, String nameEn, String nameNl, AssessmentMethod method, CriterionKind kind,
                             Rule rule, String metricKey, boolean lowerIsBetter, BigDecimal weight, int scaleMax, Integer minScore, Thresholds thresholds) {

    /** The name in the given language: Dutch for {@code nl}, English otherwise. */
    public String name(Locale locale) {
        return "nl".equals(locale.getLanguage()) ? nameNl : nameEn;
    }
}
