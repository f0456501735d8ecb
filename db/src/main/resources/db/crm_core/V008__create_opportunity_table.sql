-- Opportunities move through a sales funnel whose stages follow the business buying process
-- (DOMAIN.md section 1). Funnel value = sum of amount x probability per stage.
CREATE TABLE opportunity (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    account_id     BIGINT        NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    stage          VARCHAR(16)   NOT NULL,
    status         VARCHAR(8)    NOT NULL DEFAULT 'OPEN',
    amount         DECIMAL(14, 2) NOT NULL,
    probability    INT           NOT NULL,
    expected_close DATE,
    owner_id       BIGINT        NOT NULL,
    notes          VARCHAR(2000),
    created_at     TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at     TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_by     VARCHAR(64),
    version        INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_opportunity PRIMARY KEY (id),
    CONSTRAINT fk_opportunity_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT fk_opportunity_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
    CONSTRAINT ck_opportunity_stage CHECK (stage IN ('NEED_RECOGNISED', 'SPECIFICATION', 'SUPPLIER_SEARCH',
        'PROPOSALS', 'SELECTION', 'ORDERING', 'EVALUATION')),
    CONSTRAINT ck_opportunity_status CHECK (status IN ('OPEN', 'WON', 'LOST')),
    CONSTRAINT ck_opportunity_amount CHECK (amount >= 0),
    CONSTRAINT ck_opportunity_probability CHECK (probability BETWEEN 0 AND 100)
);

CREATE INDEX ix_opportunity_account ON opportunity (account_id, status);
CREATE INDEX ix_opportunity_funnel ON opportunity (status, stage);
CREATE INDEX ix_opportunity_owner ON opportunity (owner_id, status, expected_close);

CREATE VIEW v_opportunities AS
SELECT o.id, o.account_id, o.name, o.stage, o.status, o.amount, o.probability, o.expected_close, o.owner_id
FROM opportunity o;
