-- NPS surveys (DOMAIN.md section 3). Plugin schema crm_nps_surveys; core data only through crm_core.v_*.

-- One row: the survey settings of this workbench.
CREATE TABLE settings (
    id                  INT           NOT NULL,
    organisation        VARCHAR(200)  NOT NULL,
    fatigue_days        INT           NOT NULL DEFAULT 90,
    follow_up_days      INT           NOT NULL DEFAULT 5,
    version             INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_settings PRIMARY KEY (id),
    CONSTRAINT ck_settings_fatigue CHECK (fatigue_days BETWEEN 0 AND 3650),
    CONSTRAINT ck_settings_follow_up CHECK (follow_up_days BETWEEN 0 AND 365)
);

CREATE TABLE campaign (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    name                 VARCHAR(200)  NOT NULL,
    question_en          VARCHAR(500)  NOT NULL,
    question_nl          VARCHAR(500)  NOT NULL,
    follow_up_en         VARCHAR(500),
    follow_up_nl         VARCHAR(500),
    status               VARCHAR(8)    NOT NULL DEFAULT 'DRAFT',
    opens_on             DATE          NOT NULL,
    closes_on            DATE          NOT NULL,
    target_stages        VARCHAR(200)  NOT NULL DEFAULT '',
    target_groups        VARCHAR(200)  NOT NULL DEFAULT '',
    target_manager_id    BIGINT,
    target_dmu_roles     VARCHAR(200)  NOT NULL DEFAULT '',
    consent_only         BOOLEAN       NOT NULL DEFAULT TRUE,
    reminder_days        INT           NOT NULL DEFAULT 7,
    anonymous_token_hash BINARY(32),
    created_at           TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at           TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_by           VARCHAR(64),
    version              INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_campaign PRIMARY KEY (id),
    CONSTRAINT uq_campaign_name UNIQUE (name),
    CONSTRAINT uq_campaign_anonymous UNIQUE (anonymous_token_hash),
    CONSTRAINT ck_campaign_status CHECK (status IN ('DRAFT', 'RUNNING', 'CLOSED')),
    CONSTRAINT ck_campaign_dates CHECK (closes_on >= opens_on),
    CONSTRAINT ck_campaign_reminder CHECK (reminder_days BETWEEN 1 AND 60)
);

-- One invited contact per campaign. Where the contact stood when invited is kept for the breakdowns.
CREATE TABLE invitation (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    campaign_id      BIGINT        NOT NULL,
    contact_id       BIGINT        NOT NULL,
    account_id       BIGINT        NOT NULL,
    email            VARCHAR(200),
    language         CHAR(2)       NOT NULL,
    invited_at       DATETIME      NOT NULL,
    sent_at          DATETIME,
    reminded_at      DATETIME,
    send_error       VARCHAR(500),
    CONSTRAINT pk_invitation PRIMARY KEY (id),
    CONSTRAINT uq_invitation_contact UNIQUE (campaign_id, contact_id),
    CONSTRAINT fk_invitation_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE
);

CREATE INDEX ix_invitation_contact ON invitation (contact_id, invited_at);

-- Every link handed out for an invitation (e-mail, reminder, CSV export): only the SHA-256 of the
-- 256-bit random token is stored; any of them opens the invitation.
CREATE TABLE invitation_token (
    token_hash     BINARY(32)    NOT NULL,
    invitation_id  BIGINT        NOT NULL,
    created_at     DATETIME      NOT NULL,
    CONSTRAINT pk_invitation_token PRIMARY KEY (token_hash),
    CONSTRAINT fk_invitation_token_invitation FOREIGN KEY (invitation_id) REFERENCES invitation (id) ON DELETE CASCADE
);

CREATE INDEX ix_invitation_token_invitation ON invitation_token (invitation_id);

-- Contacts who asked not to be surveyed again.
CREATE TABLE opt_out (
    contact_id     BIGINT        NOT NULL,
    opted_out_at   DATETIME      NOT NULL,
    CONSTRAINT pk_opt_out PRIMARY KEY (contact_id)
);

-- Answers: from a personal link (one per invitation), the anonymous link, manual entry or a CSV import.
-- Manager, customer group, lifecycle stage and DMU role are those at the time of answering.
CREATE TABLE answer (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    campaign_id      BIGINT        NOT NULL,
    invitation_id    BIGINT,
    account_id       BIGINT,
    contact_id       BIGINT,
    score            INT           NOT NULL,
    comment          VARCHAR(2000),
    answered_at      DATETIME      NOT NULL,
    source           VARCHAR(9)    NOT NULL,
    manager_id       BIGINT,
    customer_group   VARCHAR(20),
    lifecycle_stage  VARCHAR(16),
    dmu_role         VARCHAR(16),
    changes          INT           NOT NULL DEFAULT 0,
    entered_by       VARCHAR(64),
    CONSTRAINT pk_answer PRIMARY KEY (id),
    CONSTRAINT uq_answer_invitation UNIQUE (invitation_id),
    CONSTRAINT fk_answer_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    CONSTRAINT fk_answer_invitation FOREIGN KEY (invitation_id) REFERENCES invitation (id) ON DELETE CASCADE,
    CONSTRAINT ck_answer_score CHECK (score BETWEEN 0 AND 10),
    CONSTRAINT ck_answer_source CHECK (source IN ('LINK', 'ANONYMOUS', 'MANUAL', 'IMPORT'))
);

CREATE INDEX ix_answer_campaign ON answer (campaign_id, score, manager_id, customer_group, lifecycle_stage, dmu_role);
CREATE INDEX ix_answer_time ON answer (answered_at, score);
CREATE INDEX ix_answer_account ON answer (account_id, answered_at);
CREATE INDEX ix_answer_contact ON answer (contact_id, answered_at);

CREATE TABLE tag (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    name_en    VARCHAR(60)   NOT NULL,
    name_nl    VARCHAR(60)   NOT NULL,
    keywords   VARCHAR(1000) NOT NULL DEFAULT '',
    CONSTRAINT pk_tag PRIMARY KEY (id),
    CONSTRAINT uq_tag_name_en UNIQUE (name_en),
    CONSTRAINT uq_tag_name_nl UNIQUE (name_nl)
);

-- Tags on answers: set by hand (MANUAL) or suggested by a tag's keywords (RULE).
CREATE TABLE answer_tag (
    answer_id  BIGINT       NOT NULL,
    tag_id     BIGINT       NOT NULL,
    source     VARCHAR(6)   NOT NULL,
    CONSTRAINT pk_answer_tag PRIMARY KEY (answer_id, tag_id),
    CONSTRAINT fk_answer_tag_answer FOREIGN KEY (answer_id) REFERENCES answer (id) ON DELETE CASCADE,
    CONSTRAINT fk_answer_tag_tag FOREIGN KEY (tag_id) REFERENCES tag (id) ON DELETE CASCADE,
    CONSTRAINT ck_answer_tag_source CHECK (source IN ('MANUAL', 'RULE'))
);

CREATE INDEX ix_answer_tag_tag ON answer_tag (tag_id, answer_id);

-- The closed loop: the follow-up task (a core interaction) each detractor answer opened.
CREATE TABLE follow_up (
    answer_id       BIGINT        NOT NULL,
    interaction_id  BIGINT        NOT NULL,
    due_on          DATE          NOT NULL,
    outcome         VARCHAR(2000),
    closed_at       DATETIME,
    closed_by       VARCHAR(64),
    CONSTRAINT pk_follow_up PRIMARY KEY (answer_id),
    CONSTRAINT fk_follow_up_answer FOREIGN KEY (answer_id) REFERENCES answer (id) ON DELETE CASCADE
);

CREATE INDEX ix_follow_up_interaction ON follow_up (interaction_id);

/* [jooq ignore start] */
INSERT INTO settings (id, organisation) VALUES (1, 'CRM Workbench');
INSERT INTO tag (name_en, name_nl, keywords) VALUES
    ('Price', 'Prijs', 'price, expensive, cost, costs, cheap, invoice, prijs, duur, kosten, goedkoop, factuur'),
    ('Service', 'Service', 'service, support, helpdesk, friendly, rude, response, klantenservice, vriendelijk, onvriendelijk, bereikbaar'),
    ('Delivery', 'Levering', 'delivery, delivered, late, shipping, on time, levering, geleverd, bezorging, te laat, op tijd'),
    ('Quality', 'Kwaliteit', 'quality, broken, defect, reliable, kwaliteit, kapot, defect, betrouwbaar');
/* [jooq ignore stop] */
