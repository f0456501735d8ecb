package org.crmworkbench.plugin.value.motive;

import org.crmworkbench.plugin.value.ChangedMeanwhileException;
import org.crmworkbench.plugin.value.InputRejectedException;
import org.crmworkbench.plugin.value.ValuePermissions;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.crmworkbench.plugin.value.jooq.Tables.CONTACT_MOTIVE;
import static org.crmworkbench.plugin.value.jooq.Tables.MOTIVE;
import static org.crmworkbench.plugin.value.jooq.Tables.ROW_MOTIVE;
import static org.crmworkbench.plugin.value.jooq.Tables.SELLOGRAM_MOTIVE;

/** The catalogue of buying motives: listed in catalogue order, edited with optimistic locking. */
public final class Motives {

    public static final int MAX_NAME = 60;

    private final DSLContext dsl;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public Motives(DSLContext dsl) {
        this(dsl, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public Motives(DSLContext dsl, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.requirePermission = requirePermission;
    }

    /** The catalogue in its order; without the inactive motives when {@code activeOnly}. */
    public List<Motive> list(boolean activeOnly) {
        return dsl.selectFrom(MOTIVE).where(activeOnly ? MOTIVE.ACTIVE.isTrue() : DSL.noCondition())
                .orderBy(MOTIVE.POSITION, MOTIVE.ID)
                .fetch(r -> new Motive(r.getId(), r.getNameEn(), r.getNameNl(), MotiveKind.valueOf(r.getKind()),
                        r.getPosition(), r.getActive(), r.getVersion()));
    }

    /** Adds a motive at the end of the catalogue. */
    public long create(String nameEn, String nameNl, MotiveKind kind) {
        requirePermission.accept(ValuePermissions.PUBLISH);
        validate(null, nameEn, nameNl, kind);
        return dsl.transactionResult(tx -> {
            int last = tx.dsl().select(DSL.coalesce(DSL.max(MOTIVE.POSITION), 0)).from(MOTIVE).forUpdate().fetchSingle().value1();
            return tx.dsl().insertInto(MOTIVE, MOTIVE.NAME_EN, MOTIVE.NAME_NL, MOTIVE.KIND, MOTIVE.POSITION)
                    .values(nameEn.strip(), nameNl.strip(), kind.name(), last + 1).returningResult(MOTIVE.ID).fetchSingle().value1();
        });
    }

    /**
     * Renames a motive, changes its kind or (de)activates it. An inactive motive is no longer offered
     * for new rows and contacts; what uses it keeps it.
     *
     * @throws ChangedMeanwhileException when it no longer has {@code version}
     */
    public void update(long id, int version, String nameEn, String nameNl, MotiveKind kind, boolean active) {
        requirePermission.accept(ValuePermissions.PUBLISH);
        validate(id, nameEn, nameNl, kind);
        int rows = dsl.update(MOTIVE).set(MOTIVE.NAME_EN, nameEn.strip()).set(MOTIVE.NAME_NL, nameNl.strip())
                .set(MOTIVE.KIND, kind.name()).set(MOTIVE.ACTIVE, active).set(MOTIVE.VERSION, MOTIVE.VERSION.plus(1))
                .where(MOTIVE.ID.eq(id).and(MOTIVE.VERSION.eq(version))).execute();
        if (rows == 0) {
            throw new ChangedMeanwhileException();
        }
    }

    /** Swaps a motive with its neighbour above ({@code up}) or below; false at the edge. */
    public boolean move(long id, boolean up) {
        requirePermission.accept(ValuePermissions.PUBLISH);
        return dsl.transactionResult(tx -> {
            var all = tx.dsl().select(MOTIVE.ID, MOTIVE.POSITION).from(MOTIVE).orderBy(MOTIVE.POSITION, MOTIVE.ID).forUpdate().fetch();
            int index = all.getValues(MOTIVE.ID).indexOf(id);
            int other = up ? index - 1 : index + 1;
            if (index < 0 || other < 0 || other >= all.size()) {
                return false;
            }
            // renumber all so equal positions can never make a swap a no-op
            for (int i = 0; i < all.size(); i++) {
                int target = i == index ? other : i == other ? index : i;
                tx.dsl().update(MOTIVE).set(MOTIVE.POSITION, target + 1).set(MOTIVE.VERSION, MOTIVE.VERSION.plus(1))
                        .where(MOTIVE.ID.eq(all.get(i).value1())).execute();
            }
            return true;
        });
    }

    /**
     * Deletes a motive nothing uses.
     *
     * @throws InputRejectedException when a sellogram or contact uses it (deactivate it instead)
     */
    public void delete(long id) {
        requirePermission.accept(ValuePermissions.PUBLISH);
        dsl.transaction(tx -> {
            var t = tx.dsl();
            boolean used = t.fetchExists(ROW_MOTIVE, ROW_MOTIVE.MOTIVE_ID.eq(id))
                    || t.fetchExists(SELLOGRAM_MOTIVE, SELLOGRAM_MOTIVE.MOTIVE_ID.eq(id))
                    || t.fetchExists(CONTACT_MOTIVE, CONTACT_MOTIVE.MOTIVE_ID.eq(id));
            if (used) {
                throw new InputRejectedException("motive", "motive.error.in-use");
            }
            t.deleteFrom(MOTIVE).where(MOTIVE.ID.eq(id)).execute();
        });
    }

    private void validate(Long id, String nameEn, String nameNl, MotiveKind kind) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkName(errors, "nameEn", nameEn, MOTIVE.NAME_EN, id);
        checkName(errors, "nameNl", nameNl, MOTIVE.NAME_NL, id);
        if (kind == null) {
            errors.put("kind", "motive.error.kind");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
    }

    private void checkName(Map<String, String> errors, String field, String name, org.jooq.TableField<?, String> column, Long id) {
        if (name == null || name.isBlank()) {
            errors.put(field, "motive.error.name-required");
        } else if (name.strip().length() > MAX_NAME) {
            errors.put(field, "motive.error.name-long");
        } else if (dsl.fetchExists(MOTIVE, DSL.lower(column).eq(name.strip().toLowerCase())
                .and(id == null ? DSL.noCondition() : MOTIVE.ID.ne(id)))) {
            errors.put(field, "motive.error.name-taken");
        }
    }
}
