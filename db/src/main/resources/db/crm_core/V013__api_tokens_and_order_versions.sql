-- Personal API tokens for the REST API: only the SHA-256 of the token is stored, never the token.
CREATE TABLE api_token (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    user_id      BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_hash   CHAR(64)     NOT NULL,
    token_hint   VARCHAR(12)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_used_at TIMESTAMP    NULL,
    revoked_at   TIMESTAMP    NULL,
    CONSTRAINT pk_api_token PRIMARY KEY (id),
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

CREATE INDEX ix_api_token_user ON api_token (user_id, revoked_at);

-- Orders become editable through the API: optimistic locking like every other editable record.
ALTER TABLE sales_order
    ADD COLUMN version    INT         NOT NULL DEFAULT 0,
    ADD COLUMN updated_at TIMESTAMP   NULL,
    ADD COLUMN updated_by VARCHAR(64) NULL;

-- Contacts, opportunities (and orders through the API) can be deleted; the account's audit trail keeps them.
ALTER TABLE audit_entry DROP CONSTRAINT ck_audit_entry_action;
ALTER TABLE audit_entry ADD CONSTRAINT ck_audit_entry_action CHECK (action IN ('CREATED', 'CHANGED', 'DELETED'));
