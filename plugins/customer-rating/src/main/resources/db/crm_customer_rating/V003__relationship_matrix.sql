-- Customer relations assessment matrix (DOMAIN.md 2): buying behaviour x relationship behaviour.
-- The account manager's judgement of the relationship (1-5) overrides the interaction-based score.
CREATE TABLE relationship_judgement (
    account_id BIGINT      NOT NULL,
    score      INT         NOT NULL,
    judged_by  VARCHAR(64) NOT NULL,
    judged_at  TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_relationship_judgement PRIMARY KEY (account_id),
    CONSTRAINT ck_relationship_judgement_score CHECK (score BETWEEN 1 AND 5)
);

ALTER TABLE customer_score
    ADD COLUMN interactions INT          NOT NULL DEFAULT 0,
    ADD COLUMN i_score      INT          NOT NULL DEFAULT 1,
    ADD COLUMN buying       DECIMAL(4, 2) NOT NULL DEFAULT 0,
    ADD COLUMN relationship DECIMAL(4, 2) NOT NULL DEFAULT 0,
    ADD COLUMN quadrant     VARCHAR(10)  NULL,
    ADD CONSTRAINT ck_customer_score_quadrant CHECK (quadrant IS NULL OR quadrant IN ('PARTNER', 'FRIEND', 'ECONOMICUS', 'DOG'));

CREATE INDEX ix_customer_score_quadrant ON customer_score (quadrant, revenue_rank);

ALTER TABLE analysis_run
    ADD COLUMN buying_threshold       DECIMAL(4, 2) NULL,
    ADD COLUMN relationship_threshold DECIMAL(4, 2) NULL;
