-- Every lifecycle stage change with date and who or what changed it (DOMAIN.md section 1).
-- stage_manual: the stage was set by hand and the lifecycle rules leave it alone until the
-- account's next order.
ALTER TABLE account ADD COLUMN stage_manual BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE account_stage_history (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    account_id BIGINT      NOT NULL,
    from_stage VARCHAR(16),
    to_stage   VARCHAR(16) NOT NULL,
    changed_at TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    changed_by VARCHAR(64),
    cause      VARCHAR(8)  NOT NULL,
    CONSTRAINT pk_account_stage_history PRIMARY KEY (id),
    CONSTRAINT fk_stage_history_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT ck_stage_history_cause CHECK (cause IN ('CREATED', 'MANUAL', 'RULE', 'IMPORT'))
);

CREATE INDEX ix_stage_history_account ON account_stage_history (account_id, changed_at);

CREATE VIEW v_account_stage_history AS
SELECT h.id, h.account_id, h.from_stage, h.to_stage, h.changed_at, h.cause
FROM account_stage_history h;
