package org.crmworkbench.plugin.value.sellogram;

import java.util.Set;

/**
 * The cells of a sellogram row: feature (kenmerk) -> advantage (voordeel) -> customer benefit
 * (klantvoordeel), and the buying motives the benefit serves. Cells may stay empty in a draft.
 */
public record RowInput(String feature, String advantage, String benefit, Set<Long> motiveIds) {

    public RowInput {
        feature = feature == null ? "" : feature.strip();
        advantage = advantage == null ? "" : advantage.strip();
        benefit = benefit == null ? "" : benefit.strip();
        motiveIds = motiveIds == null ? Set.of() : Set.copyOf(motiveIds);
    }
}
