-- value-proposition: buying motives, sellograms and value proposition canvases.
-- Products, accounts and contacts are those of the core, read through crm_core.v_products,
-- v_accounts and v_contacts; their ids are kept here without foreign keys (another schema).

CREATE TABLE motive (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    name_en   VARCHAR(60)  NOT NULL,
    name_nl   VARCHAR(60)  NOT NULL,
    kind      VARCHAR(10)  NOT NULL,
    position  INT          NOT NULL,
    active    BOOLEAN      NOT NULL DEFAULT TRUE,
    version   INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_motive PRIMARY KEY (id),
    CONSTRAINT uq_motive_name_en UNIQUE (name_en),
    CONSTRAINT uq_motive_name_nl UNIQUE (name_nl),
    CONSTRAINT ck_motive_kind CHECK (kind IN ('RATIONAL', 'EMOTIONAL'))
);

-- one sellogram revision; the subject is a core product or a free service
CREATE TABLE sellogram (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    product_id    BIGINT,
    service_name  VARCHAR(200),
    revision      INT          NOT NULL,
    status        VARCHAR(10)  NOT NULL DEFAULT 'DRAFT',
    created_at    DATETIME     NOT NULL,
    updated_at    DATETIME     NOT NULL,
    updated_by    VARCHAR(64)  NOT NULL,
    published_at  DATETIME,
    published_by  VARCHAR(64),
    version       INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_sellogram PRIMARY KEY (id),
    CONSTRAINT ck_sellogram_subject CHECK ((product_id IS NULL) <> (service_name IS NULL)),
    CONSTRAINT ck_sellogram_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED'))
);

CREATE INDEX ix_sellogram_product ON sellogram (product_id, status);
CREATE INDEX ix_sellogram_service ON sellogram (service_name, status);
CREATE INDEX ix_sellogram_status ON sellogram (status, product_id);

-- the motives a sellogram claims to serve
CREATE TABLE sellogram_motive (
    sellogram_id BIGINT NOT NULL,
    motive_id    BIGINT NOT NULL,
    CONSTRAINT pk_sellogram_motive PRIMARY KEY (sellogram_id, motive_id),
    CONSTRAINT fk_sellogram_motive_sellogram FOREIGN KEY (sellogram_id) REFERENCES sellogram (id) ON DELETE CASCADE,
    CONSTRAINT fk_sellogram_motive_motive FOREIGN KEY (motive_id) REFERENCES motive (id)
);

CREATE TABLE sellogram_row (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    sellogram_id BIGINT        NOT NULL,
    position     INT           NOT NULL,
    feature      VARCHAR(500)  NOT NULL DEFAULT '',
    advantage    VARCHAR(500)  NOT NULL DEFAULT '',
    benefit      VARCHAR(500)  NOT NULL DEFAULT '',
    CONSTRAINT pk_sellogram_row PRIMARY KEY (id),
    CONSTRAINT fk_sellogram_row_sellogram FOREIGN KEY (sellogram_id) REFERENCES sellogram (id) ON DELETE CASCADE
);

CREATE INDEX ix_sellogram_row_sellogram ON sellogram_row (sellogram_id, position);

CREATE TABLE row_motive (
    row_id    BIGINT NOT NULL,
    motive_id BIGINT NOT NULL,
    CONSTRAINT pk_row_motive PRIMARY KEY (row_id, motive_id),
    CONSTRAINT fk_row_motive_row FOREIGN KEY (row_id) REFERENCES sellogram_row (id) ON DELETE CASCADE,
    CONSTRAINT fk_row_motive_motive FOREIGN KEY (motive_id) REFERENCES motive (id)
);

CREATE INDEX ix_row_motive_motive ON row_motive (motive_id, row_id);

-- the buying motives of a core contact (a DMU member)
CREATE TABLE contact_motive (
    contact_id BIGINT NOT NULL,
    motive_id  BIGINT NOT NULL,
    CONSTRAINT pk_contact_motive PRIMARY KEY (contact_id, motive_id),
    CONSTRAINT fk_contact_motive_motive FOREIGN KEY (motive_id) REFERENCES motive (id)
);

-- a value proposition canvas for a segment (industry and/or account level) or for one account
CREATE TABLE canvas (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    name          VARCHAR(200)  NOT NULL,
    account_id    BIGINT,
    industry      VARCHAR(100),
    account_level VARCHAR(16),
    alternative   VARCHAR(300),
    fit_top       INT           NOT NULL DEFAULT 3,
    statement_job_id    BIGINT,
    statement_offer_id  BIGINT,
    statement_answer_id BIGINT,
    updated_at    DATETIME      NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    version       INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_canvas PRIMARY KEY (id),
    CONSTRAINT ck_canvas_scope CHECK (account_id IS NULL OR (industry IS NULL AND account_level IS NULL)),
    CONSTRAINT ck_canvas_fit_top CHECK (fit_top BETWEEN 1 AND 20)
);

CREATE INDEX ix_canvas_account ON canvas (account_id);
CREATE INDEX ix_canvas_segment ON canvas (industry, account_level);

-- one item on a canvas: customer side JOB / PAIN / GAIN (per DMU role; null = all roles),
-- value side OFFER (products and services) / RELIEVER / CREATOR
CREATE TABLE canvas_item (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    canvas_id   BIGINT        NOT NULL,
    kind        VARCHAR(10)   NOT NULL,
    dmu_role    VARCHAR(16),
    job_type    VARCHAR(10),
    severity    INT,
    gain_level  VARCHAR(12),
    product_id  BIGINT,
    text        VARCHAR(500)  NOT NULL,
    position    INT           NOT NULL,
    CONSTRAINT pk_canvas_item PRIMARY KEY (id),
    CONSTRAINT fk_canvas_item_canvas FOREIGN KEY (canvas_id) REFERENCES canvas (id) ON DELETE CASCADE,
    CONSTRAINT ck_canvas_item_kind CHECK (kind IN ('JOB', 'PAIN', 'GAIN', 'OFFER', 'RELIEVER', 'CREATOR')),
    CONSTRAINT ck_canvas_item_job CHECK ((kind = 'JOB') = (job_type IS NOT NULL)),
    CONSTRAINT ck_canvas_item_pain CHECK ((kind = 'PAIN') = (severity IS NOT NULL)),
    CONSTRAINT ck_canvas_item_gain CHECK ((kind = 'GAIN') = (gain_level IS NOT NULL)),
    CONSTRAINT ck_canvas_item_severity CHECK (severity IS NULL OR severity BETWEEN 1 AND 5),
    CONSTRAINT ck_canvas_item_job_type CHECK (job_type IS NULL OR job_type IN ('FUNCTIONAL', 'SOCIAL', 'EMOTIONAL')),
    CONSTRAINT ck_canvas_item_gain_level CHECK (gain_level IS NULL OR gain_level IN ('REQUIRED', 'EXPECTED', 'DESIRED', 'UNEXPECTED'))
);

CREATE INDEX ix_canvas_item_canvas ON canvas_item (canvas_id, kind, position);

-- a pain answered by a pain reliever, or a gain by a gain creator
CREATE TABLE canvas_fit (
    customer_item_id BIGINT NOT NULL,
    value_item_id    BIGINT NOT NULL,
    CONSTRAINT pk_canvas_fit PRIMARY KEY (customer_item_id, value_item_id),
    CONSTRAINT fk_canvas_fit_customer FOREIGN KEY (customer_item_id) REFERENCES canvas_item (id) ON DELETE CASCADE,
    CONSTRAINT fk_canvas_fit_value FOREIGN KEY (value_item_id) REFERENCES canvas_item (id) ON DELETE CASCADE
);

CREATE INDEX ix_canvas_fit_value ON canvas_fit (value_item_id);

/* [jooq ignore start] */
INSERT INTO motive (name_en, name_nl, kind, position) VALUES
    ('Security', 'Zekerheid', 'RATIONAL', 1),
    ('Affection / sympathy', 'Sympathie', 'EMOTIONAL', 2),
    ('Comfort', 'Gemak', 'RATIONAL', 3),
    ('Pride / prestige', 'Prestige', 'EMOTIONAL', 4),
    ('Novelty', 'Nieuwheid', 'EMOTIONAL', 5),
    ('Economy', 'Voordeel', 'RATIONAL', 6);
/* [jooq ignore stop] */
