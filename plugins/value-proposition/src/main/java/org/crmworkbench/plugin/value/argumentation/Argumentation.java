package org.crmworkbench.plugin.value.argumentation;

import java.time.LocalDate;
import java.util.List;

/**
 * A one-page sales argumentation for an account: the chosen DMU members with their buying motives,
 * the benefits of the chosen products' published sellograms grouped by motive in catalogue order
 * (each benefit once, under the first motive of the members it serves), and the account's canvas.
 *
 * @param subjects the products and services argued for
 * @param canvas   the canvas that speaks for the account; null when there is none
 */
public record Argumentation(long accountId, String accountName, LocalDate date, List<String> subjects, List<Member> members,
                            List<Section> sections, CanvasPart canvas) {

    /** A DMU member: a contact of the account and the names of its buying motives in catalogue order. */
    public record Member(long contactId, String name, String jobTitle, String dmuRole, List<Long> motiveIds,
                         List<String> motives) {
    }

    /** The benefits that serve one motive. */
    public record Section(long motiveId, String motive, List<Benefit> benefits) {
    }

    /** A sellogram row as an argument, and the members whose motives it serves. */
    public record Benefit(long rowId, String subject, String feature, String advantage, String benefit, List<String> forMembers) {
    }

    /** The statement and top-ranked pains and gains with what answers them. */
    public record CanvasPart(String name, String statement, List<Answered> pains, List<Answered> gains) {
    }

    /** A pain or gain and the texts of its relievers or creators (empty when unanswered). */
    public record Answered(String text, List<String> answers) {
    }

    public int benefitCount() {
        return sections.stream().mapToInt(s -> s.benefits().size()).sum();
    }
}
