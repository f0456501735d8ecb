package org.crmworkbench.core.contact;

/**
 * A stored contact.
 *
 * @param id        primary key
 * @param accountId the account the person works at
 * @param data      its fields
 * @param version   optimistic-locking version
 */
public record Contact(long id, long accountId, ContactData data, int version) {

    public String fullName() {
        return data.firstName() == null || data.firstName().isBlank() ? data.lastName()
                : data.firstName() + " " + data.lastName();
    }
}
