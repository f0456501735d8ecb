package org.crmworkbench.plugin.value.sellogram;

import java.util.Set;

/** A stored row of a sellogram; {@code position} counts from 1. */
public record SellogramRow(long id, int position, String feature, String advantage, String benefit, Set<Long> motiveIds) {
}
