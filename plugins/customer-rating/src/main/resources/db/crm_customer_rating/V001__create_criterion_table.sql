-- Weighted rating criteria, grouped by assessment method (DOMAIN.md section 2).
CREATE TABLE criterion (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    name       VARCHAR(100)  NOT NULL,
    method     VARCHAR(16)   NOT NULL,
    weight     DECIMAL(6, 2) NOT NULL,
    min_score  INT,
    created_at TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    version    INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_criterion PRIMARY KEY (id),
    CONSTRAINT uq_criterion_name UNIQUE (name),
    CONSTRAINT ck_criterion_method CHECK (method IN ('ACCOUNT', 'RELATIONSHIP', 'PRODUCT')),
    CONSTRAINT ck_criterion_weight CHECK (weight > 0),
    CONSTRAINT ck_criterion_min_score CHECK (min_score IS NULL OR min_score BETWEEN 1 AND 10)
);

CREATE INDEX ix_criterion_method ON criterion (method, name);
