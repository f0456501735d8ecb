-- A plugin's own schema (crm_account_notes): no foreign keys into crm_core, whose tables it may not
-- touch; NotesCleanup removes the notes of a deleted account instead.
CREATE TABLE note (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    account_id BIGINT        NOT NULL,
    text       VARCHAR(1000) NOT NULL,
    author     VARCHAR(64)   NOT NULL,
    created_at TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_note PRIMARY KEY (id)
);

CREATE INDEX ix_note_account ON note (account_id, created_at);
CREATE INDEX ix_note_created ON note (created_at, id);
