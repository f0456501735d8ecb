package org.crmworkbench.plugin.nps.answer;

/** What a survey link leads to. */
public sealed interface Lookup {

    /** No such link: mistyped, made up, or of a deleted campaign. */
    record Unknown() implements Lookup {
    }

    /** The campaign no longer (or not yet) accepts answers. */
    record Closed(String language, boolean notYetOpen) implements Lookup {
    }

    /**
     * The link may be answered.
     *
     * @param invitationId     null for an anonymous link
     * @param contactId        the invited contact; null for an anonymous link
     * @param answerId         the answer given earlier through this invitation, or null
     * @param changes          how often that answer was changed
     * @param score            the answer given earlier through this invitation, or null
     * @param comment          the comment given earlier, or null
     * @param followUpQuestion the campaign's open question, or null for the default comment prompt
     */
    record Open(Long invitationId, Long contactId, Long answerId, int changes, long campaignId, String language,
                String question, String followUpQuestion, Integer score, String comment) implements Lookup {
    }
}
