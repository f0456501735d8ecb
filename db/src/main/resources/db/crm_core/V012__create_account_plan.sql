-- Account plans (DOMAIN.md section 1): objectives for a period, activities (who, what, where, when)
-- and an evaluation date.
CREATE TABLE account_plan (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    account_id       BIGINT        NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    period_start     DATE          NOT NULL,
    period_end       DATE          NOT NULL,
    objectives       TEXT          NOT NULL,
    evaluation_date  DATE,
    evaluation       TEXT,
    updated_at       TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_by       VARCHAR(64),
    version          INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_account_plan PRIMARY KEY (id),
    CONSTRAINT fk_account_plan_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT ck_account_plan_period CHECK (period_end >= period_start)
);

CREATE INDEX ix_account_plan_account ON account_plan (account_id, period_start);

CREATE TABLE account_plan_activity (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    plan_id     BIGINT        NOT NULL,
    what        VARCHAR(300)  NOT NULL,
    who_id      BIGINT        NOT NULL,
    place       VARCHAR(200),
    due         DATE          NOT NULL,
    done        BOOLEAN       NOT NULL DEFAULT FALSE,
    updated_at  TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_by  VARCHAR(64),
    version     INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_account_plan_activity PRIMARY KEY (id),
    CONSTRAINT fk_plan_activity_plan FOREIGN KEY (plan_id) REFERENCES account_plan (id) ON DELETE CASCADE,
    CONSTRAINT fk_plan_activity_who FOREIGN KEY (who_id) REFERENCES app_user (id)
);

CREATE INDEX ix_plan_activity_plan ON account_plan_activity (plan_id, due);
CREATE INDEX ix_plan_activity_who ON account_plan_activity (who_id, done, due);
