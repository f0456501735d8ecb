package org.crmworkbench.plugin.rating.criteria;

import java.math.BigDecimal;

/** The form's editable copy of a new criterion; bound field by field, validated before saving. */
final class CriterionDraft {

    private String name = "";
    private AssessmentMethod method = AssessmentMethod.ACCOUNT;
    private BigDecimal weight;
    private Integer minScore;

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    AssessmentMethod getMethod() {
        return method;
    }

    void setMethod(AssessmentMethod method) {
        this.method = method;
    }

    BigDecimal getWeight() {
        return weight;
    }

    void setWeight(BigDecimal weight) {
        this.weight = weight;
    }

    Integer getMinScore() {
        return minScore;
    }

    void setMinScore(Integer minScore) {
        this.minScore = minScore;
    }
}
