package org.crmworkbench.core.interaction;

import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.api.interaction.FollowUps;
import org.crmworkbench.core.editing.ConcurrentEditException;
import org.crmworkbench.core.editing.InvalidInputException;
import org.crmworkbench.core.security.CurrentUser;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.crmworkbench.db.jooq.Tables.ACCOUNT;
import static org.crmworkbench.db.jooq.Tables.APP_USER;
import static org.crmworkbench.db.jooq.Tables.INTERACTION;
import static org.crmworkbench.db.jooq.Tables.USER_ROLE;

/**
 * The host's {@link FollowUps} for plugins: complaint interactions with an open follow-up, logged by
 * the account manager (or the first active administrator) through {@link InteractionService}, so
 * validation, events and the dashboard work as for interactions logged by hand.
 */
public final class CoreFollowUps implements FollowUps {

    private final DSLContext dsl;
    private final InteractionService interactions;
    private final CurrentUser currentUser;
    private final Clock clock;

    public CoreFollowUps(DSLContext dsl, InteractionService interactions, CurrentUser currentUser, Clock clock) {
        this.dsl = dsl;
        this.interactions = interactions;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public long open(long accountId, Long contactId, String summary, LocalDate due) {
        if (due == null) {
            throw new IllegalArgumentException("a follow-up needs a due date");
        }
        UserRef assignee = assignee(accountId)
                .orElseThrow(() -> new IllegalArgumentException("no account " + accountId + " or nobody to assign it to"));
        var data = new InteractionData(InteractionKind.COMPLAINT, LocalDateTime.now(clock), summary,
                contactId == null ? Set.of() : Set.of(contactId), FollowUp.OPEN, due);
        try {
            return interactions.add(accountId, data, assignee);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException("follow-up refused: " + e.errors(), e);
        }
    }

    @Override
    public boolean close(long interactionId, String outcome) {
        if (outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("closing a follow-up needs an outcome");
        }
        var user = currentUser.user().or(() -> dsl.select(INTERACTION.USER_ID).from(INTERACTION)
                .where(INTERACTION.ID.eq(interactionId)).fetchOptional(INTERACTION.USER_ID).map(this::user));
        if (user.isEmpty()) {
            return false;
        }
        var current = interactions.find(interactionId, user.get());
        if (current.isEmpty() || current.get().data().followUp() != FollowUp.OPEN) {
            return false;
        }
        var data = current.get().data();
        // the outcome is kept whole; the original summary gives way when both do not fit
        String ending = "\n\n" + outcome.strip();
        if (ending.length() > InteractionService.MAX_SUMMARY) {
            ending = ending.substring(0, InteractionService.MAX_SUMMARY);
        }
        String start = data.summary();
        int room = InteractionService.MAX_SUMMARY - ending.length();
        String summary = (start.length() <= room ? start : room > 1 ? start.substring(0, room - 1) + "…" : "") + ending;
        try {
            interactions.update(interactionId, current.get().version(),
                    new InteractionData(data.kind(), data.occurredAt(), summary, data.contactIds(), FollowUp.CLOSED,
                            data.followUpDue()), user.get());
            return true;
        } catch (ConcurrentEditException e) {
            return false;
        }
    }

    private Optional<UserRef> assignee(long accountId) {
        var manager = dsl.select(APP_USER.ID).from(ACCOUNT).join(APP_USER).on(APP_USER.ID.eq(ACCOUNT.ACCOUNT_MANAGER_ID))
                .where(ACCOUNT.ID.eq(accountId).and(APP_USER.ACTIVE.isTrue()))
                .fetchOptional(APP_USER.ID);
        if (manager.isEmpty()) {
            if (!dsl.fetchExists(ACCOUNT, ACCOUNT.ID.eq(accountId))) {
                return Optional.empty();
            }
            manager = dsl.select(APP_USER.ID).from(APP_USER).join(USER_ROLE).on(USER_ROLE.USER_ID.eq(APP_USER.ID))
                    .where(APP_USER.ACTIVE.isTrue().and(USER_ROLE.ROLE.eq(Role.ADMIN.name())))
                    .orderBy(APP_USER.ID).limit(1).fetchOptional(APP_USER.ID);
        }
        return manager.map(this::user);
    }

    private UserRef user(long id) {
        var record = dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchSingle();
        Set<Role> roles = dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(id))
                .fetch(USER_ROLE.ROLE).stream().map(Role::valueOf).collect(Collectors.toSet());
        return new UserRef(id, record.getUsername(), record.getDisplayName(), roles);
    }
}
