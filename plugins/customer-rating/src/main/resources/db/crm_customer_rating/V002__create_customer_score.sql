-- The result of the last customer analysis run (DOMAIN.md section 2): RFM + P quintile scores,
-- pyramid layer and ABC class per customer with orders in the period. Rewritten set-based by each run.
CREATE TABLE customer_score (
    account_id    BIGINT        NOT NULL,
    last_order    DATE          NOT NULL,
    recency_days  INT           NOT NULL,
    frequency     INT           NOT NULL,
    monetary      DECIMAL(18, 2) NOT NULL,
    potential     DECIMAL(18, 2) NOT NULL,
    margin        DECIMAL(18, 2),
    r_score       INT           NOT NULL,
    f_score       INT           NOT NULL,
    m_score       INT           NOT NULL,
    p_score       INT           NOT NULL,
    revenue_rank  INT           NOT NULL,
    pyramid_layer VARCHAR(8)    NOT NULL,
    abc_class     CHAR(1)       NOT NULL,
    CONSTRAINT pk_customer_score PRIMARY KEY (account_id),
    CONSTRAINT ck_customer_score_layer CHECK (pyramid_layer IN ('TOP', 'LARGE', 'MEDIUM', 'SMALL')),
    CONSTRAINT ck_customer_score_abc CHECK (abc_class IN ('A', 'B', 'C', 'D'))
);

CREATE INDEX ix_customer_score_rank ON customer_score (revenue_rank);
CREATE INDEX ix_customer_score_layer ON customer_score (pyramid_layer, revenue_rank);
CREATE INDEX ix_customer_score_abc ON customer_score (abc_class, revenue_rank);

-- One row per analysis run: the period it covered and when it ran.
CREATE TABLE analysis_run (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    period_from  DATE        NOT NULL,
    period_to    DATE        NOT NULL,
    customers    INT         NOT NULL,
    revenue      DECIMAL(18, 2) NOT NULL,
    started_at   TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    finished_at  TIMESTAMP   NULL,
    started_by   VARCHAR(64),
    CONSTRAINT pk_analysis_run PRIMARY KEY (id)
);
