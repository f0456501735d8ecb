-- Every contact moment with an account (DOMAIN.md section 1): who, when, with whom, what.
-- A follow-up is OPEN until someone closes it; complaints always have one.
CREATE TABLE interaction (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    account_id       BIGINT        NOT NULL,
    kind             VARCHAR(12)   NOT NULL,
    occurred_at      DATETIME      NOT NULL,
    user_id          BIGINT        NOT NULL,
    summary          VARCHAR(2000) NOT NULL,
    follow_up        VARCHAR(8)    NOT NULL DEFAULT 'NONE',
    follow_up_due    DATE,
    closed_at        TIMESTAMP     NULL,
    closed_by        VARCHAR(64),
    updated_at       TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_by       VARCHAR(64),
    version          INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_interaction PRIMARY KEY (id),
    CONSTRAINT fk_interaction_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT fk_interaction_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT ck_interaction_kind CHECK (kind IN ('CALL', 'MEETING', 'EMAIL', 'VISIT', 'COMPLAINT', 'NOTE')),
    CONSTRAINT ck_interaction_follow_up CHECK (follow_up IN ('NONE', 'OPEN', 'CLOSED')),
    CONSTRAINT ck_interaction_complaint CHECK (kind <> 'COMPLAINT' OR follow_up <> 'NONE')
);

CREATE INDEX ix_interaction_account ON interaction (account_id, occurred_at);
CREATE INDEX ix_interaction_follow_up ON interaction (user_id, follow_up, follow_up_due);

CREATE TABLE interaction_contact (
    interaction_id BIGINT NOT NULL,
    contact_id     BIGINT NOT NULL,
    CONSTRAINT pk_interaction_contact PRIMARY KEY (interaction_id, contact_id),
    CONSTRAINT fk_interaction_contact_interaction FOREIGN KEY (interaction_id) REFERENCES interaction (id) ON DELETE CASCADE,
    CONSTRAINT fk_interaction_contact_contact FOREIGN KEY (contact_id) REFERENCES contact (id) ON DELETE CASCADE
);

CREATE INDEX ix_interaction_contact_contact ON interaction_contact (contact_id);

-- Public, read-only contract for plugins (without the free-text summary).
CREATE VIEW v_interactions AS
SELECT i.id, i.account_id, i.kind, i.occurred_at, i.user_id, i.follow_up
FROM interaction i;
