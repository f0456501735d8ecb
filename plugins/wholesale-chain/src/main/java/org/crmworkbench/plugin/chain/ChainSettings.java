package org.crmworkbench.plugin.chain;

import org.jooq.DSLContext;

import java.util.LinkedHashMap;
import java.util.function.Consumer;

import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_SETTINGS;

/**
 * The plugin's two settings: a role counts when its strength is above the threshold (default 2: a
 * link whose roles are all 2 or less is "buy and sell only"), and the scorecard calls a role's average
 * below the target (default 3) a gap.
 */
public final class ChainSettings {

    /** The values and the version they were read at. */
    public record Values(int roleThreshold, int targetStrength, int version) {
    }

    private final DSLContext dsl;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public ChainSettings(DSLContext dsl) {
        this(dsl, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public ChainSettings(DSLContext dsl, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.requirePermission = requirePermission;
    }

    public Values get() {
        var r = dsl.selectFrom(CHAIN_SETTINGS).where(CHAIN_SETTINGS.ID.eq(1)).fetchSingle();
        return new Values(r.getRoleThreshold(), r.getTargetStrength(), r.getVersion());
    }

    /**
     * @throws InputRejectedException    when the threshold is outside 0..4 or the target outside 1..5
     * @throws ChangedMeanwhileException when someone saved the settings in between
     */
    public void save(int roleThreshold, int targetStrength, int version) {
        requirePermission.accept(ChainPermissions.MANAGE);
        var errors = new LinkedHashMap<String, String>();
        if (roleThreshold < 0 || roleThreshold > 4) {
            errors.put("roleThreshold", "settings.error.threshold");
        }
        if (targetStrength < 1 || targetStrength > 5) {
            errors.put("targetStrength", "settings.error.target");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        if (dsl.update(CHAIN_SETTINGS).set(CHAIN_SETTINGS.ROLE_THRESHOLD, roleThreshold).set(CHAIN_SETTINGS.TARGET_STRENGTH, targetStrength)
                .set(CHAIN_SETTINGS.VERSION, CHAIN_SETTINGS.VERSION.plus(1))
                .where(CHAIN_SETTINGS.ID.eq(1).and(CHAIN_SETTINGS.VERSION.eq(version))).execute() == 0) {
            throw new ChangedMeanwhileException();
        }
    }
}
