-- Team selling: besides the account manager, colleagues may be assigned to an account. They see and
-- edit it like the account manager does.
CREATE TABLE account_team (
    account_id BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    team_role  VARCHAR(60),
    added_at   TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    added_by   VARCHAR(64),
    CONSTRAINT pk_account_team PRIMARY KEY (account_id, user_id),
    CONSTRAINT fk_account_team_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT fk_account_team_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

CREATE INDEX ix_account_team_user ON account_team (user_id, account_id);

CREATE VIEW v_account_team AS
SELECT t.account_id, t.user_id, t.team_role
FROM account_team t;
