package com.example.crm.notes;

import java.time.LocalDateTime;

/**
 * A note on an account.
 *
 * @param accountName the account's name from the public core view {@code v_accounts}
 */
public record Note(long id, long accountId, String accountName, String text, String author, LocalDateTime createdAt) {
}
