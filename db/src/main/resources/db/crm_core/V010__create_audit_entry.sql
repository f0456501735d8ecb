-- Who changed what when, for accounts, contacts and opportunities (shown on the account).
-- changes: one line per field, "field<TAB>old<TAB>new", values cut to 200 characters.
CREATE TABLE audit_entry (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    account_id BIGINT      NOT NULL,
    entity     VARCHAR(12) NOT NULL,
    entity_id  BIGINT      NOT NULL,
    action     VARCHAR(8)  NOT NULL,
    changes    TEXT,
    changed_at TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    changed_by VARCHAR(64),
    CONSTRAINT pk_audit_entry PRIMARY KEY (id),
    CONSTRAINT fk_audit_entry_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT ck_audit_entry_entity CHECK (entity IN ('ACCOUNT', 'CONTACT', 'OPPORTUNITY')),
    CONSTRAINT ck_audit_entry_action CHECK (action IN ('CREATED', 'CHANGED'))
);

CREATE INDEX ix_audit_entry_account ON audit_entry (account_id, changed_at);
