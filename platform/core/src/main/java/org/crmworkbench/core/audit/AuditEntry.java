package org.crmworkbench.core.audit;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One audited change on an account, or on a contact or opportunity of it.
 *
 * @param entity    what kind of record
 * @param entityId  which record
 * @param action    created, changed or deleted
 * @param changes   the fields that changed (for a creation: the fields that were filled in; for a deletion:
 *                  the fields it had)
 * @param changedAt when
 * @param changedBy user name
 */
public record AuditEntry(Entity entity, long entityId, Action action, List<Change> changes, LocalDateTime changedAt,
                         String changedBy) {

    public enum Entity {
        ACCOUNT, CONTACT, OPPORTUNITY;

        public String labelKey() {
            return "audit.entity." + name().toLowerCase();
        }
    }

    public enum Action {
        CREATED, CHANGED, DELETED;

        public String labelKey() {
            return "audit.action." + name().toLowerCase();
        }
    }

    /**
     * @param field name of the field, as in the record's data type (e.g. {@code city})
     * @param from  the old value as text, null when empty
     * @param to    the new value as text, null when empty
     */
    public record Change(String field, String from, String to) {
    }
}
