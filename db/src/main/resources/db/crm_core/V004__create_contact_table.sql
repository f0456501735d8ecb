-- Contacts: the people at an account, with their role in the decision making unit (DMU).
CREATE TABLE contact (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    account_id    BIGINT       NOT NULL,
    first_name    VARCHAR(100),
    last_name     VARCHAR(100) NOT NULL,
    job_title     VARCHAR(100),
    email         VARCHAR(254),
    phone         VARCHAR(40),
    dmu_role      VARCHAR(16),
    email_consent BOOLEAN      NOT NULL DEFAULT FALSE,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_at    TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_by    VARCHAR(64),
    version       INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_contact PRIMARY KEY (id),
    CONSTRAINT fk_contact_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT ck_contact_dmu_role CHECK (dmu_role IS NULL OR dmu_role IN
        ('USER', 'INFLUENCER', 'BUYER', 'DECIDER', 'GATEKEEPER', 'INITIATOR'))
);

CREATE INDEX ix_contact_account ON contact (account_id, last_name);
CREATE INDEX ix_contact_name ON contact (last_name, first_name);

-- Public, read-only contract for plugins.
CREATE VIEW v_contacts AS
SELECT c.id, c.account_id, c.first_name, c.last_name, c.job_title, c.email, c.phone, c.dmu_role,
       c.email_consent, c.active
FROM contact c;
