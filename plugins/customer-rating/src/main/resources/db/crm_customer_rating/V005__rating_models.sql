-- Rating models (DOMAIN.md 2, issue 5): several models, one the default. Every saved change of a
-- model raises its version and keeps a copy of the definition, so results name the version they
-- were computed with.
CREATE TABLE rating_model (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    name          VARCHAR(100)   NOT NULL,
    minimum_total DECIMAL(10, 2) NULL,
    period_months INT            NOT NULL DEFAULT 12,
    is_default    BOOLEAN        NOT NULL DEFAULT FALSE,
    version       INT            NOT NULL DEFAULT 1,
    updated_at    TIMESTAMP      NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_by    VARCHAR(64)    NOT NULL,
    CONSTRAINT pk_rating_model PRIMARY KEY (id),
    CONSTRAINT uq_rating_model_name UNIQUE (name),
    CONSTRAINT ck_rating_model_period CHECK (period_months BETWEEN 1 AND 60)
);

-- The criteria of V001 become the criteria of a model: Dutch and English name, manual or computed
-- by a rule, a scale of their own. Existing criteria move into a first, default model.
/* [jooq ignore start] */
ALTER TABLE criterion DROP INDEX uq_criterion_name;
/* [jooq ignore stop] */
ALTER TABLE criterion DROP CONSTRAINT ck_criterion_min_score;
ALTER TABLE criterion
    ADD COLUMN model_id  BIGINT      NULL,
    ADD COLUMN name_nl   VARCHAR(100) NULL,
    ADD COLUMN kind      VARCHAR(8)  NOT NULL DEFAULT 'MANUAL',
    ADD COLUMN rule      VARCHAR(16) NULL,
    ADD COLUMN metric_key VARCHAR(100) NULL,
    ADD COLUMN lower_is_better BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN scale_max INT         NOT NULL DEFAULT 10;

/* [jooq ignore start] */
INSERT INTO rating_model (name, is_default, updated_by)
SELECT 'Standard', TRUE, 'migration' FROM DUAL WHERE EXISTS (SELECT 1 FROM criterion);
UPDATE criterion SET model_id = (SELECT MIN(id) FROM rating_model), name_nl = name;
/* [jooq ignore stop] */

ALTER TABLE criterion MODIFY model_id BIGINT NOT NULL;
ALTER TABLE criterion MODIFY name_nl VARCHAR(100) NOT NULL;
ALTER TABLE criterion
    ADD CONSTRAINT fk_criterion_model FOREIGN KEY (model_id) REFERENCES rating_model (id) ON DELETE CASCADE,
    ADD CONSTRAINT ck_criterion_kind CHECK (kind IN ('MANUAL', 'COMPUTED')),
    ADD CONSTRAINT ck_criterion_rule CHECK ((kind = 'MANUAL' AND rule IS NULL) OR (kind = 'COMPUTED' AND rule IS NOT NULL)),
    ADD CONSTRAINT ck_criterion_metric CHECK ((rule IS NOT NULL AND rule = 'METRIC') = (metric_key IS NOT NULL)),
    ADD CONSTRAINT ck_criterion_scale CHECK (scale_max BETWEEN 2 AND 100),
    ADD CONSTRAINT ck_criterion_min_score_scale CHECK (min_score IS NULL OR min_score BETWEEN 1 AND scale_max);
-- the model's version replaces the per-criterion one of V001
ALTER TABLE criterion DROP COLUMN version;
CREATE UNIQUE INDEX uq_criterion_model_name ON criterion (model_id, name);
CREATE UNIQUE INDEX uq_criterion_model_name_nl ON criterion (model_id, name_nl);

-- A computed criterion maps its raw value to the scale: the highest score whose bound the value
-- reaches (at least the bound; at most the bound where lower is better, e.g. recency), else 1.
-- Rule METRIC reads an account metric another plugin offers (metric_key), e.g. the latest NPS answer.
CREATE TABLE criterion_threshold (
    criterion_id BIGINT         NOT NULL,
    score        INT            NOT NULL,
    bound        DECIMAL(18, 2) NOT NULL,
    CONSTRAINT pk_criterion_threshold PRIMARY KEY (criterion_id, score),
    CONSTRAINT fk_criterion_threshold_criterion FOREIGN KEY (criterion_id) REFERENCES criterion (id) ON DELETE CASCADE
);

-- The definition of every saved version of a model.
CREATE TABLE model_version (
    model_id      BIGINT         NOT NULL,
    version       INT            NOT NULL,
    name          VARCHAR(100)   NOT NULL,
    minimum_total DECIMAL(10, 2) NULL,
    period_months INT            NOT NULL,
    saved_at      TIMESTAMP      NOT NULL DEFAULT CURRENT_TIMESTAMP,
    saved_by      VARCHAR(64)    NOT NULL,
    CONSTRAINT pk_model_version PRIMARY KEY (model_id, version),
    CONSTRAINT fk_model_version_model FOREIGN KEY (model_id) REFERENCES rating_model (id) ON DELETE CASCADE
);

CREATE TABLE criterion_version (
    model_id     BIGINT        NOT NULL,
    version      INT           NOT NULL,
    criterion_id BIGINT        NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    name_nl      VARCHAR(100)  NOT NULL,
    method       VARCHAR(16)   NOT NULL,
    kind         VARCHAR(8)    NOT NULL,
    rule         VARCHAR(16)   NULL,
    metric_key   VARCHAR(100)  NULL,
    lower_is_better BOOLEAN    NOT NULL,
    weight       DECIMAL(6, 2) NOT NULL,
    scale_max    INT           NOT NULL,
    min_score    INT           NULL,
    thresholds   VARCHAR(2000) NULL,
    CONSTRAINT pk_criterion_version PRIMARY KEY (model_id, version, criterion_id),
    CONSTRAINT fk_criterion_version_model FOREIGN KEY (model_id, version) REFERENCES model_version (model_id, version) ON DELETE CASCADE
);

-- Scores of manual criteria, given per account by its account manager.
CREATE TABLE manual_score (
    criterion_id BIGINT      NOT NULL,
    account_id   BIGINT      NOT NULL,
    score        INT         NOT NULL,
    scored_at    TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    scored_by    VARCHAR(64) NOT NULL,
    CONSTRAINT pk_manual_score PRIMARY KEY (criterion_id, account_id),
    CONSTRAINT fk_manual_score_criterion FOREIGN KEY (criterion_id) REFERENCES criterion (id) ON DELETE CASCADE
);

CREATE INDEX ix_manual_score_account ON manual_score (account_id);

-- One row per rating run of a model.
CREATE TABLE rating_run (
    id            BIGINT    NOT NULL AUTO_INCREMENT,
    model_id      BIGINT    NOT NULL,
    model_version INT       NOT NULL,
    accounts      INT       NOT NULL,
    qualifying    INT       NOT NULL,
    started_at    TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    finished_at   TIMESTAMP NULL,
    started_by    VARCHAR(64) NOT NULL,
    CONSTRAINT pk_rating_run PRIMARY KEY (id),
    CONSTRAINT fk_rating_run_model FOREIGN KEY (model_id) REFERENCES rating_model (id) ON DELETE CASCADE
);

CREATE INDEX ix_rating_run_model ON rating_run (model_id, id);

-- The latest result per model and account, and its score per criterion (the breakdown).
CREATE TABLE rating_result (
    model_id      BIGINT         NOT NULL,
    account_id    BIGINT         NOT NULL,
    run_id        BIGINT         NOT NULL,
    model_version INT            NOT NULL,
    rating_value  DECIMAL(12, 2) NOT NULL,
    qualifies     BOOLEAN        NOT NULL,
    knocked_out   VARCHAR(1000)  NULL,
    CONSTRAINT pk_rating_result PRIMARY KEY (model_id, account_id),
    CONSTRAINT fk_rating_result_model FOREIGN KEY (model_id) REFERENCES rating_model (id) ON DELETE CASCADE
);

CREATE INDEX ix_rating_result_value ON rating_result (model_id, rating_value);
CREATE INDEX ix_rating_result_account ON rating_result (account_id);

CREATE TABLE result_score (
    model_id     BIGINT         NOT NULL,
    account_id   BIGINT         NOT NULL,
    criterion_id BIGINT         NOT NULL,
    raw_value    DECIMAL(18, 2) NULL,
    score        INT            NULL,
    CONSTRAINT pk_result_score PRIMARY KEY (model_id, account_id, criterion_id),
    CONSTRAINT fk_result_score_model FOREIGN KEY (model_id) REFERENCES rating_model (id) ON DELETE CASCADE
);

-- Every run's value per account, for the history on the account tab.
CREATE TABLE rating_history (
    run_id       BIGINT         NOT NULL,
    account_id   BIGINT         NOT NULL,
    rating_value DECIMAL(12, 2) NOT NULL,
    qualifies    BOOLEAN        NOT NULL,
    CONSTRAINT pk_rating_history PRIMARY KEY (run_id, account_id),
    CONSTRAINT fk_rating_history_run FOREIGN KEY (run_id) REFERENCES rating_run (id) ON DELETE CASCADE
);

CREATE INDEX ix_rating_history_account ON rating_history (account_id, run_id);

-- Alerts: a user follows an account and hears when it crosses a model's cut-off or changes
-- quadrant or pyramid layer.
CREATE TABLE alert_subscription (
    user_id    BIGINT    NOT NULL,
    account_id BIGINT    NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_alert_subscription PRIMARY KEY (user_id, account_id)
);

CREATE INDEX ix_alert_subscription_account ON alert_subscription (account_id);

CREATE TABLE rating_alert (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    user_id    BIGINT       NOT NULL,
    account_id BIGINT       NOT NULL,
    model_id   BIGINT       NULL,
    kind       VARCHAR(16)  NOT NULL,
    old_value  VARCHAR(100) NULL,
    new_value  VARCHAR(100) NULL,
    created_at TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    seen       BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT pk_rating_alert PRIMARY KEY (id),
    CONSTRAINT fk_rating_alert_model FOREIGN KEY (model_id) REFERENCES rating_model (id) ON DELETE CASCADE,
    CONSTRAINT ck_rating_alert_kind CHECK (kind IN ('QUALIFIES', 'DISQUALIFIED', 'QUADRANT', 'LAYER'))
);

CREATE INDEX ix_rating_alert_user ON rating_alert (user_id, seen, id);

-- The quadrant of the run before, for quadrant alerts.
ALTER TABLE previous_layer ADD COLUMN quadrant VARCHAR(10) NULL;

-- The retention of the year before the period's end, kept with the run (CLV on the dashboard card).
ALTER TABLE analysis_run ADD COLUMN retention DECIMAL(6, 4) NULL;

-- The moved criteria are version 1 of their model.
/* [jooq ignore start] */
INSERT INTO model_version (model_id, version, name, minimum_total, period_months, saved_by)
SELECT id, version, name, minimum_total, period_months, updated_by FROM rating_model;
INSERT INTO criterion_version (model_id, version, criterion_id, name, name_nl, method, kind, rule, lower_is_better, weight,
                               scale_max, min_score)
SELECT model_id, 1, id, name, name_nl, method, kind, rule, lower_is_better, weight, scale_max, min_score FROM criterion;
/* [jooq ignore stop] */
