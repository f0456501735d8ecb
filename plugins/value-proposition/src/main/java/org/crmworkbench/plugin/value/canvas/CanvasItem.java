package org.crmworkbench.plugin.value.canvas;

import java.util.Set;

/**
 * An item on a canvas.
 *
 * @param dmuRole    the customer profile (DMU role) of a job, pain or gain; null for the profile of all roles
 *                   and on the value side
 * @param severity   of a pain, 1 (mild) to 5 (extreme)
 * @param productId  of a product or service taken from the core catalogue, else null
 * @param answeredBy for a pain or gain: the ids of the relievers or creators that answer it
 */
public record CanvasItem(long id, ItemKind kind, String dmuRole, JobType jobType, Integer severity, GainLevel gainLevel,
                         Long productId, String text, int position, Set<Long> answeredBy) {

    public boolean answered() {
        return !answeredBy.isEmpty();
    }
}
