package org.crmworkbench.plugin.value.canvas;

/**
 * A new or changed canvas item; only the fields of its kind count (job type for a job, severity 1..5
 * for a pain, level for a gain, product for a product or service).
 */
public record ItemInput(ItemKind kind, String dmuRole, JobType jobType, Integer severity, GainLevel gainLevel,
                        Long productId, String text) {

    public ItemInput {
        text = text == null ? "" : text.strip();
        dmuRole = dmuRole == null || dmuRole.isBlank() ? null : dmuRole;
    }

    public static ItemInput job(String dmuRole, JobType type, String text) {
        return new ItemInput(ItemKind.JOB, dmuRole, type, null, null, null, text);
    }

    public static ItemInput pain(String dmuRole, int severity, String text) {
        return new ItemInput(ItemKind.PAIN, dmuRole, null, severity, null, null, text);
    }

    public static ItemInput gain(String dmuRole, GainLevel level, String text) {
        return new ItemInput(ItemKind.GAIN, dmuRole, null, null, level, null, text);
    }

    public static ItemInput value(ItemKind kind, String text) {
        return new ItemInput(kind, null, null, null, null, null, text);
    }
}
