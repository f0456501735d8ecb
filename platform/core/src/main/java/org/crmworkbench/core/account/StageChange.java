package org.crmworkbench.core.account;

import java.time.LocalDateTime;

/**
 * One entry of an account's stage history.
 *
 * @param from      previous stage, null when the account was created
 * @param to        new stage
 * @param changedAt when
 * @param changedBy user name, null for the lifecycle rules
 * @param cause     why
 */
public record StageChange(LifecycleStage from, LifecycleStage to, LocalDateTime changedAt, String changedBy,
                          StageChangeCause cause) {
}
