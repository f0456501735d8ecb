package org.crmworkbench.plugin.value.canvas;

/**
 * The head of a canvas: for one account, or for a segment of industry and/or account level.
 *
 * @param alternative what the customer would use instead ("unlike ..." in the statement); optional
 * @param fitTop      how many of the top-ranked pains and of the gains must be answered for a fit
 */
public record CanvasInput(String name, Long accountId, String industry, String accountLevel, String alternative, int fitTop) {

    public CanvasInput {
        name = name == null ? "" : name.strip();
        industry = industry == null || industry.isBlank() ? null : industry.strip();
        accountLevel = accountLevel == null || accountLevel.isBlank() ? null : accountLevel;
        alternative = alternative == null || alternative.isBlank() ? null : alternative.strip();
    }
}
