-- wholesale-chain: chain maps per product group and the roles we play per relationship (DOMAIN.md section 6).
-- Accounts (producers, suppliers, customers) and users are those of the core, read through
-- crm_core.v_accounts and v_interactions; their ids are kept here without foreign keys (another schema).

-- the accounts we buy from: upstream in the chain
CREATE TABLE supplier (
    account_id BIGINT      NOT NULL,
    marked_at  DATETIME    NOT NULL,
    marked_by  VARCHAR(64) NOT NULL,
    CONSTRAINT pk_supplier PRIMARY KEY (account_id)
);

-- a relation in the chain of a product group; a null account is our own company.
-- SUPPLIES: goods go from "from" to "to" (named "supplies" / "is supplied by");
-- DISTRIBUTES_FOR: "from" distributes the products of "to" (named "distributes for" / "is distributed by").
CREATE TABLE chain_link (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    product_group   VARCHAR(100)   NOT NULL,
    from_account_id BIGINT,
    to_account_id   BIGINT,
    kind            VARCHAR(16)    NOT NULL DEFAULT 'SUPPLIES',
    start_date      DATE,
    end_date        DATE,
    volume          DECIMAL(14, 2),
    revenue         DECIMAL(14, 2),
    note            VARCHAR(500)   NOT NULL DEFAULT '',
    updated_at      DATETIME       NOT NULL,
    updated_by      VARCHAR(64)    NOT NULL,
    version         INT            NOT NULL DEFAULT 0,
    CONSTRAINT pk_chain_link PRIMARY KEY (id),
    CONSTRAINT ck_chain_link_parties CHECK (from_account_id IS NOT NULL OR to_account_id IS NOT NULL),
    CONSTRAINT ck_chain_link_kind CHECK (kind IN ('SUPPLIES', 'DISTRIBUTES_FOR')),
    CONSTRAINT ck_chain_link_dates CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date),
    CONSTRAINT ck_chain_link_amounts CHECK ((volume IS NULL OR volume >= 0) AND (revenue IS NULL OR revenue >= 0))
);

CREATE INDEX ix_chain_link_group ON chain_link (product_group, from_account_id, to_account_id);
CREATE INDEX ix_chain_link_to ON chain_link (to_account_id, product_group);
CREATE INDEX ix_chain_link_from ON chain_link (from_account_id, product_group);

-- the catalogue of value added services that back a role
CREATE TABLE service (
    id       BIGINT        NOT NULL AUTO_INCREMENT,
    name_en  VARCHAR(100)  NOT NULL,
    name_nl  VARCHAR(100)  NOT NULL,
    role     VARCHAR(12)   NOT NULL,
    position INT           NOT NULL,
    active   BOOLEAN       NOT NULL DEFAULT TRUE,
    version  INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_service PRIMARY KEY (id),
    CONSTRAINT uq_service_name_en UNIQUE (name_en),
    CONSTRAINT ck_service_role CHECK (role IN ('STEERING', 'COORDINATOR', 'EXPERT'))
);

-- the roles we play in a relation, with their strength 0..5
CREATE TABLE link_role (
    link_id    BIGINT        NOT NULL,
    role       VARCHAR(12)   NOT NULL,
    strength   INT           NOT NULL,
    evidence   VARCHAR(1000) NOT NULL DEFAULT '',
    updated_at DATETIME      NOT NULL,
    updated_by VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_link_role PRIMARY KEY (link_id, role),
    CONSTRAINT fk_link_role_link FOREIGN KEY (link_id) REFERENCES chain_link (id) ON DELETE CASCADE,
    CONSTRAINT ck_link_role_role CHECK (role IN ('STEERING', 'COORDINATOR', 'EXPERT')),
    CONSTRAINT ck_link_role_strength CHECK (strength BETWEEN 0 AND 5)
);

CREATE TABLE link_role_service (
    link_id    BIGINT      NOT NULL,
    role       VARCHAR(12) NOT NULL,
    service_id BIGINT      NOT NULL,
    CONSTRAINT pk_link_role_service PRIMARY KEY (link_id, role, service_id),
    CONSTRAINT fk_link_role_service_role FOREIGN KEY (link_id, role) REFERENCES link_role (link_id, role) ON DELETE CASCADE,
    CONSTRAINT fk_link_role_service_service FOREIGN KEY (service_id) REFERENCES service (id)
);

-- interactions (crm_core.v_interactions) that show a role is played
CREATE TABLE link_role_interaction (
    link_id        BIGINT      NOT NULL,
    role           VARCHAR(12) NOT NULL,
    interaction_id BIGINT      NOT NULL,
    CONSTRAINT pk_link_role_interaction PRIMARY KEY (link_id, role, interaction_id),
    CONSTRAINT fk_link_role_interaction_role FOREIGN KEY (link_id, role) REFERENCES link_role (link_id, role) ON DELETE CASCADE
);

-- every change of a role's strength, for the scorecard's history
CREATE TABLE role_change (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    link_id    BIGINT      NOT NULL,
    role       VARCHAR(12) NOT NULL,
    strength   INT         NOT NULL,
    changed_at DATETIME    NOT NULL,
    changed_by VARCHAR(64) NOT NULL,
    CONSTRAINT pk_role_change PRIMARY KEY (id),
    CONSTRAINT fk_role_change_link FOREIGN KEY (link_id) REFERENCES chain_link (id) ON DELETE CASCADE
);

CREATE INDEX ix_role_change ON role_change (link_id, changed_at);

-- the trend checklist per chain (product group) and our response to each trend
CREATE TABLE chain_trend (
    product_group VARCHAR(100)  NOT NULL,
    trend         VARCHAR(24)   NOT NULL,
    status        VARCHAR(12)   NOT NULL DEFAULT 'OPEN',
    response      VARCHAR(2000) NOT NULL DEFAULT '',
    updated_at    DATETIME      NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    version       INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_chain_trend PRIMARY KEY (product_group, trend),
    CONSTRAINT ck_chain_trend_trend CHECK (trend IN ('LOW_WAGE_PRODUCTION', 'PRODUCERS_CORE_BUSINESS', 'TAILORED_SERVICE',
        'RISING_COMPETITION', 'INFORMATION_EBUSINESS')),
    CONSTRAINT ck_chain_trend_status CHECK (status IN ('OPEN', 'ADDRESSING', 'ANSWERED'))
);

-- one row: above which strength a role counts, and the strength the scorecard aims for
CREATE TABLE chain_settings (
    id              INT NOT NULL,
    role_threshold  INT NOT NULL DEFAULT 2,
    target_strength INT NOT NULL DEFAULT 3,
    version         INT NOT NULL DEFAULT 0,
    CONSTRAINT pk_chain_settings PRIMARY KEY (id),
    CONSTRAINT ck_chain_settings CHECK (role_threshold BETWEEN 0 AND 4 AND target_strength BETWEEN 1 AND 5)
);

INSERT INTO chain_settings (id) VALUES (1);

INSERT INTO service (name_en, name_nl, role, position) VALUES
    ('Category management', 'Categoriemanagement', 'STEERING', 1),
    ('Assortment advice', 'Assortimentsadvies', 'STEERING', 2),
    ('Private label', 'Eigen merk', 'STEERING', 3),
    ('Vendor managed inventory (VMI)', 'Voorraadbeheer door leverancier (VMI)', 'COORDINATOR', 4),
    ('Logistics planning', 'Logistieke planning', 'COORDINATOR', 5),
    ('EDI', 'EDI', 'COORDINATOR', 6),
    ('Consignment stock', 'Consignatievoorraad', 'COORDINATOR', 7),
    ('Technical support', 'Technische ondersteuning', 'EXPERT', 8),
    ('Training', 'Training', 'EXPERT', 9),
    ('Application engineering', 'Toepassingsadvies', 'EXPERT', 10);
