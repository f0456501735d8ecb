-- Accounts: the organisations we sell to (DOMAIN.md section 1).
CREATE TABLE account (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    name               VARCHAR(200)  NOT NULL,
    coc_number         VARCHAR(8),
    vat_number         VARCHAR(20),
    website            VARCHAR(200),
    industry           VARCHAR(100),
    street             VARCHAR(200),
    postal_code        VARCHAR(10),
    city               VARCHAR(100),
    country            CHAR(2)       NOT NULL DEFAULT 'NL',
    account_level      VARCHAR(16)   NOT NULL DEFAULT 'REGIONAL',
    lifecycle_stage    VARCHAR(16)   NOT NULL DEFAULT 'SUSPECT',
    lead_source        VARCHAR(100),
    never_interested   BOOLEAN       NOT NULL DEFAULT FALSE,
    potential_value    DECIMAL(14, 2),
    notes              TEXT,
    account_manager_id BIGINT,
    created_at         TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at         TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_by         VARCHAR(64),
    version            INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_account PRIMARY KEY (id),
    CONSTRAINT uq_account_coc_number UNIQUE (coc_number),
    CONSTRAINT fk_account_manager FOREIGN KEY (account_manager_id) REFERENCES app_user (id),
    CONSTRAINT ck_account_level CHECK (account_level IN ('REGIONAL', 'NATIONAL', 'INTERNATIONAL')),
    CONSTRAINT ck_account_stage CHECK (lifecycle_stage IN
        ('SUSPECT', 'PROSPECT', 'LEAD', 'HOT_LEAD', 'NEW_CUSTOMER', 'LOYAL_CUSTOMER', 'EX_CUSTOMER')),
    CONSTRAINT ck_account_potential CHECK (potential_value IS NULL OR potential_value >= 0)
);

CREATE INDEX ix_account_name ON account (name, id);
CREATE INDEX ix_account_city ON account (city, name);
CREATE INDEX ix_account_stage ON account (lifecycle_stage, name);
CREATE INDEX ix_account_manager ON account (account_manager_id, name);

-- Public, read-only contract for plugins.
CREATE VIEW v_accounts AS
SELECT a.id, a.name, a.coc_number, a.city, a.country, a.industry, a.account_level, a.lifecycle_stage,
       a.never_interested, a.potential_value, a.account_manager_id
FROM account a;
