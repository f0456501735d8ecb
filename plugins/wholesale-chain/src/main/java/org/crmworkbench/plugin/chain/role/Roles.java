package org.crmworkbench.plugin.chain.role;

import org.crmworkbench.plugin.chain.ChainPermissions;
import org.crmworkbench.plugin.chain.ChangedMeanwhileException;
import org.crmworkbench.plugin.chain.InputRejectedException;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.crmworkbench.api.coreviews.Tables.V_INTERACTIONS;
import static org.crmworkbench.plugin.chain.jooq.Tables.CHAIN_LINK;
import static org.crmworkbench.plugin.chain.jooq.Tables.LINK_ROLE;
import static org.crmworkbench.plugin.chain.jooq.Tables.LINK_ROLE_INTERACTION;
import static org.crmworkbench.plugin.chain.jooq.Tables.LINK_ROLE_SERVICE;
import static org.crmworkbench.plugin.chain.jooq.Tables.ROLE_CHANGE;
import static org.crmworkbench.plugin.chain.jooq.Tables.SERVICE;

/**
 * The roles we play per link and the catalogue of value added services behind them. Saving a link's
 * roles checks the link's version (optimistic locking) and writes a history row for every strength
 * that changed, which the scorecard's history reads.
 */
public final class Roles {

    public static final int MAX_EVIDENCE = 1000;
    public static final int MAX_NAME = 100;

    private final DSLContext dsl;
    private final Clock clock;
    private final Consumer<String> requirePermission;

    /** Without permission checks: for demo data, background work and tests. */
    public Roles(DSLContext dsl, Clock clock) {
        this(dsl, clock, permission -> { });
    }

    /** Checking each change with {@code requirePermission}; the views pass {@code PluginContext::requirePermission}. */
    public Roles(DSLContext dsl, Clock clock, Consumer<String> requirePermission) {
        this.dsl = dsl;
        this.clock = clock;
        this.requirePermission = requirePermission;
    }

    /** The three roles of a link; a role never recorded is {@link RolePlay#NONE}. */
    public Map<Role, RolePlay> of(long linkId) {
        var plays = new EnumMap<Role, RolePlay>(Role.class);
        var services = new EnumMap<Role, Set<Long>>(Role.class);
        var interactions = new EnumMap<Role, Set<Long>>(Role.class);
        dsl.selectFrom(LINK_ROLE_SERVICE).where(LINK_ROLE_SERVICE.LINK_ID.eq(linkId))
                .forEach(r -> services.computeIfAbsent(Role.valueOf(r.getRole()), k -> new HashSet<>()).add(r.getServiceId()));
        dsl.selectFrom(LINK_ROLE_INTERACTION).where(LINK_ROLE_INTERACTION.LINK_ID.eq(linkId))
                .forEach(r -> interactions.computeIfAbsent(Role.valueOf(r.getRole()), k -> new HashSet<>()).add(r.getInteractionId()));
        for (Role role : Role.values()) {
            plays.put(role, RolePlay.NONE);
        }
        dsl.selectFrom(LINK_ROLE).where(LINK_ROLE.LINK_ID.eq(linkId)).forEach(r -> {
            var role = Role.valueOf(r.getRole());
            plays.put(role, new RolePlay(r.getStrength(), services.getOrDefault(role, Set.of()), interactions.getOrDefault(role, Set.of()),
                    r.getEvidence()));
        });
        return plays;
    }

    /**
     * Saves the roles of a link that still has {@code linkVersion}; the link's version goes up.
     *
     * @throws InputRejectedException    when a strength is outside 0..5, evidence is too long, a service
     *                                   is unknown or backs another role, an interaction is not one with the link's
     *                                   account, or the link is not ours (field {@code link})
     *                                   (fields {@code strength-<ROLE>}, {@code evidence-<ROLE>}, {@code services-<ROLE>},
     *                                   {@code interactions-<ROLE>})
     * @throws ChangedMeanwhileException when the link was changed or deleted in between
     */
    public void save(long linkId, int linkVersion, Map<Role, RolePlay> plays, String by) {
        requirePermission.accept(ChainPermissions.EDIT);
        var errors = new LinkedHashMap<String, String>();
        var known = dsl.select(SERVICE.ID).from(SERVICE).fetchSet(SERVICE.ID);
        for (var entry : plays.entrySet()) {
            var play = entry.getValue();
            String role = entry.getKey().name();
            if (play.strength() < 0 || play.strength() > Role.MAX_STRENGTH) {
                errors.put("strength-" + role, "roles.error.strength");
            }
            if (play.evidence().strip().length() > MAX_EVIDENCE) {
                errors.put("evidence-" + role, "roles.error.evidence-long");
            }
            if (!known.containsAll(play.services())) {
                errors.put("services-" + role, "roles.error.service");
            }
        }
        var interactions = plays.values().stream().flatMap(p -> p.interactions().stream()).distinct().toList();
        var link = dsl.selectFrom(CHAIN_LINK).where(CHAIN_LINK.ID.eq(linkId)).fetchOptional().orElseThrow(ChangedMeanwhileException::new);
        if (!interactions.isEmpty()) {
            // the evidence of a link of ours is about the other party: the supplier or the customer
            Long account = link.getFromAccountId() != null ? link.getFromAccountId() : link.getToAccountId();
            Set<Long> ofAccount = dsl.select(V_INTERACTIONS.ID).from(V_INTERACTIONS)
                    .where(V_INTERACTIONS.ID.in(interactions).and(V_INTERACTIONS.ACCOUNT_ID.eq(account))).fetchSet(V_INTERACTIONS.ID);
            plays.forEach((role, play) -> {
                if (!ofAccount.containsAll(play.interactions())) {
                    errors.putIfAbsent("interactions-" + role.name(), "roles.error.interaction");
                }
            });
        }
        if (link.getFromAccountId() != null && link.getToAccountId() != null) {
            errors.put("link", "roles.error.not-ours");
        }
        var roleOf = dsl.select(SERVICE.ID, SERVICE.ROLE).from(SERVICE).fetchMap(SERVICE.ID, SERVICE.ROLE);
        plays.forEach((role, play) -> {
            if (play.services().stream().anyMatch(id -> roleOf.containsKey(id) && !role.name().equals(roleOf.get(id)))) {
                errors.putIfAbsent("services-" + role.name(), "roles.error.service-role");
            }
        });
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        var now = LocalDateTime.now(clock);
        dsl.transaction(tx -> {
            var t = tx.dsl();
            if (t.update(CHAIN_LINK).set(CHAIN_LINK.VERSION, CHAIN_LINK.VERSION.plus(1)).set(CHAIN_LINK.UPDATED_AT, now)
                    .set(CHAIN_LINK.UPDATED_BY, by).where(CHAIN_LINK.ID.eq(linkId).and(CHAIN_LINK.VERSION.eq(linkVersion))).execute() == 0) {
                throw new ChangedMeanwhileException();
            }
            var before = t.select(LINK_ROLE.ROLE, LINK_ROLE.STRENGTH).from(LINK_ROLE).where(LINK_ROLE.LINK_ID.eq(linkId))
                    .fetchMap(r -> Role.valueOf(r.value1()), r -> r.value2());
            for (var entry : plays.entrySet()) {
                String role = entry.getKey().name();
                var play = entry.getValue();
                t.insertInto(LINK_ROLE, LINK_ROLE.LINK_ID, LINK_ROLE.ROLE, LINK_ROLE.STRENGTH, LINK_ROLE.EVIDENCE, LINK_ROLE.UPDATED_AT,
                                LINK_ROLE.UPDATED_BY)
                        .values(linkId, role, play.strength(), play.evidence().strip(), now, by)
                        .onDuplicateKeyUpdate().set(LINK_ROLE.STRENGTH, play.strength()).set(LINK_ROLE.EVIDENCE, play.evidence().strip())
                        .set(LINK_ROLE.UPDATED_AT, now).set(LINK_ROLE.UPDATED_BY, by).execute();
                t.deleteFrom(LINK_ROLE_SERVICE).where(LINK_ROLE_SERVICE.LINK_ID.eq(linkId).and(LINK_ROLE_SERVICE.ROLE.eq(role))).execute();
                if (!play.services().isEmpty()) {
                    var rows = t.insertInto(LINK_ROLE_SERVICE, LINK_ROLE_SERVICE.LINK_ID, LINK_ROLE_SERVICE.ROLE, LINK_ROLE_SERVICE.SERVICE_ID);
                    for (long service : play.services()) {
                        rows = rows.values(linkId, role, service);
                    }
                    rows.execute();
                }
                t.deleteFrom(LINK_ROLE_INTERACTION).where(LINK_ROLE_INTERACTION.LINK_ID.eq(linkId).and(LINK_ROLE_INTERACTION.ROLE.eq(role)))
                        .execute();
                if (!play.interactions().isEmpty()) {
                    var rows = t.insertInto(LINK_ROLE_INTERACTION, LINK_ROLE_INTERACTION.LINK_ID, LINK_ROLE_INTERACTION.ROLE,
                            LINK_ROLE_INTERACTION.INTERACTION_ID);
                    for (long interaction : play.interactions()) {
                        rows = rows.values(linkId, role, interaction);
                    }
                    rows.execute();
                }
                if (!Integer.valueOf(play.strength()).equals(before.get(entry.getKey()))) {
                    t.insertInto(ROLE_CHANGE, ROLE_CHANGE.LINK_ID, ROLE_CHANGE.ROLE, ROLE_CHANGE.STRENGTH, ROLE_CHANGE.CHANGED_AT,
                            ROLE_CHANGE.CHANGED_BY).values(linkId, role, play.strength(), now, by).execute();
                }
            }
        });
    }

    /** The catalogue in its order; only the active services when asked. */
    public List<Service> services(boolean activeOnly) {
        return dsl.selectFrom(SERVICE).where(activeOnly ? SERVICE.ACTIVE.isTrue() : DSL.noCondition()).orderBy(SERVICE.POSITION, SERVICE.ID)
                .fetch(r -> new Service(r.getId(), r.getNameEn(), r.getNameNl(), Role.valueOf(r.getRole()), r.getActive(), r.getVersion()));
    }

    /**
     * Adds a service at the end of the catalogue ({@code id} null) or changes one that still has {@code version}.
     *
     * @throws InputRejectedException    when a name is blank, too long or (English) taken, or the role is missing
     * @throws ChangedMeanwhileException when it was changed in between
     */
    public void saveService(Long id, int version, String nameEn, String nameNl, Role role, boolean active) {
        requirePermission.accept(ChainPermissions.MANAGE);
        var errors = new LinkedHashMap<String, String>();
        for (var name : Map.of("nameEn", nameEn == null ? "" : nameEn, "nameNl", nameNl == null ? "" : nameNl).entrySet()) {
            if (name.getValue().isBlank()) {
                errors.put(name.getKey(), "services.error.name-required");
            } else if (name.getValue().strip().length() > MAX_NAME) {
                errors.put(name.getKey(), "services.error.name-long");
            }
        }
        if (!errors.containsKey("nameEn") && dsl.fetchExists(SERVICE, DSL.lower(SERVICE.NAME_EN).eq(nameEn.strip().toLowerCase())
                .and(id == null ? DSL.noCondition() : SERVICE.ID.ne(id)))) {
            errors.put("nameEn", "services.error.name-taken");
        }
        if (role == null) {
            errors.put("role", "services.error.role");
        }
        if (!errors.isEmpty()) {
            throw new InputRejectedException(errors);
        }
        int rows = id == null
                ? dsl.insertInto(SERVICE, SERVICE.NAME_EN, SERVICE.NAME_NL, SERVICE.ROLE, SERVICE.ACTIVE, SERVICE.POSITION)
                .select(DSL.select(DSL.val(nameEn.strip()), DSL.val(nameNl.strip()), DSL.val(role.name()), DSL.val(active),
                        DSL.coalesce(DSL.max(SERVICE.POSITION), 0).plus(1)).from(SERVICE)).execute()
                : dsl.update(SERVICE).set(SERVICE.NAME_EN, nameEn.strip()).set(SERVICE.NAME_NL, nameNl.strip()).set(SERVICE.ROLE, role.name())
                .set(SERVICE.ACTIVE, active).set(SERVICE.VERSION, SERVICE.VERSION.plus(1))
                .where(SERVICE.ID.eq(id).and(SERVICE.VERSION.eq(version))).execute();
        if (rows == 0) {
            throw new ChangedMeanwhileException();
        }
    }
}
