package com.example.crm.notes;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.Role;
import org.crmworkbench.api.UserRef;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static com.example.crm.notes.jooq.Tables.NOTE;
import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNTS;
import static org.crmworkbench.api.coreviews.Tables.V_ACCOUNT_TEAM;

/**
 * The notes, in the plugin's own schema; account names come from the public core view. Lists are one
 * SQL statement each, paged in the database. The public core views return every account, so this
 * service applies the core's visibility rule itself: a SALES user sees (and writes on) the accounts it
 * manages or is on the team of; MANAGER and ADMIN see all.
 */
public final class Notes {

    public static final int MAX_LENGTH = 1000;

    private final PluginContext context;
    private final DSLContext dsl;

    public Notes(PluginContext context) {
        this.context = context;
        this.dsl = context.dsl();
    }

    /**
     * Stores a note by the signed-in user, who needs {@link NotesPermissions#WRITE}.
     *
     * @return the new note's id
     * @throws NoteRejectedException when the text is blank or too long, the account is gone or the user
     *                               may not write; nothing is stored then
     */
    public long add(long accountId, String text) {
        UserRef user = context.currentUser().filter(u -> context.hasPermission(NotesPermissions.WRITE))
                .orElseThrow(() -> new NoteRejectedException("error.not-allowed"));
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) {
            throw new NoteRejectedException("error.blank");
        }
        if (note.length() > MAX_LENGTH) {
            throw new NoteRejectedException("error.too-long", MAX_LENGTH);
        }
        if (!dsl.fetchExists(V_ACCOUNTS, V_ACCOUNTS.ID.eq(accountId).and(visible(user)))) {
            throw new NoteRejectedException("error.no-account");
        }
        LocalDateTime now = LocalDateTime.now(context.clock()).truncatedTo(ChronoUnit.SECONDS);
        return dsl.insertInto(NOTE, NOTE.ACCOUNT_ID, NOTE.TEXT, NOTE.AUTHOR, NOTE.CREATED_AT)
                .values(accountId, note, user.username(), now)
                .returningResult(NOTE.ID).fetchSingle().value1();
    }

    /** One account's notes, newest first, at most {@code limit}; none when the user does not see the account. */
    public List<Note> ofAccount(long accountId, int limit) {
        return select(NOTE.ACCOUNT_ID.eq(accountId), 0, limit);
    }

    /** How many notes match a search over the text and the account name (blank: all). */
    public int count(String search) {
        return dsl.fetchCount(dsl.select(NOTE.ID).from(NOTE).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(NOTE.ACCOUNT_ID))
                .where(matching(search)).and(visibleToCaller()));
    }

    /** A page of the notes matching a search, newest first. */
    public List<Note> page(String search, int offset, int limit) {
        return select(matching(search), offset, limit);
    }

    /** Removes every note of an account (when the core deletes it). */
    public int forget(long accountId) {
        return dsl.deleteFrom(NOTE).where(NOTE.ACCOUNT_ID.eq(accountId)).execute();
    }

    private List<Note> select(Condition condition, int offset, int limit) {
        return dsl.select(NOTE.ID, NOTE.ACCOUNT_ID, V_ACCOUNTS.NAME, NOTE.TEXT, NOTE.AUTHOR, NOTE.CREATED_AT)
                .from(NOTE).join(V_ACCOUNTS).on(V_ACCOUNTS.ID.eq(NOTE.ACCOUNT_ID))
                .where(condition).and(visibleToCaller())
                .orderBy(NOTE.CREATED_AT.desc(), NOTE.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new Note(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** The accounts the signed-in user sees; none without a user. */
    private Condition visibleToCaller() {
        return context.currentUser().map(Notes::visible).orElse(DSL.falseCondition());
    }

    private static Condition visible(UserRef user) {
        if (user.hasRole(Role.ADMIN) || user.hasRole(Role.MANAGER)) {
            return DSL.noCondition();
        }
        return V_ACCOUNTS.ACCOUNT_MANAGER_ID.eq(user.id()).or(DSL.exists(DSL.selectOne().from(V_ACCOUNT_TEAM)
                .where(V_ACCOUNT_TEAM.ACCOUNT_ID.eq(V_ACCOUNTS.ID)).and(V_ACCOUNT_TEAM.USER_ID.eq(user.id()))));
    }

    private static Condition matching(String search) {
        if (search == null || search.isBlank()) {
            return DSL.noCondition();
        }
        String pattern = "%" + search.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return NOTE.TEXT.likeIgnoreCase(pattern, '!').or(V_ACCOUNTS.NAME.likeIgnoreCase(pattern, '!'));
    }
}
