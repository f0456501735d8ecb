-- tender-tracking: public and private tenders from identification to award (DOMAIN.md section 5).
-- Accounts (contracting authorities) and users are those of the core, read through crm_core.v_accounts
-- and v_users; their ids are kept here without foreign keys (another schema).

CREATE TABLE tender (
    id                   BIGINT         NOT NULL AUTO_INCREMENT,
    title                VARCHAR(300)   NOT NULL,
    authority_id         BIGINT         NOT NULL,
    reference            VARCHAR(100),
    source               VARCHAR(100),
    cpv_codes            VARCHAR(200)   NOT NULL DEFAULT '',
    procedure_type       VARCHAR(24)    NOT NULL,
    estimated_value      DECIMAL(14, 2),
    currency             CHAR(3)        NOT NULL DEFAULT 'EUR',
    publication_date     DATE,
    questions_deadline   DATE,
    submission_deadline  DATE,
    award_decision_date  DATE,
    standstill_end       DATE,
    contract_start       DATE,
    contract_end         DATE,
    owner_id             BIGINT,
    status               VARCHAR(12)    NOT NULL DEFAULT 'IDENTIFIED',
    award_method         VARCHAR(20)    NOT NULL DEFAULT 'LOWEST_PRICE',
    price_formula        VARCHAR(20)    NOT NULL DEFAULT 'RELATIVE',
    lost_reason          VARCHAR(20),
    lessons              VARCHAR(2000)  NOT NULL DEFAULT '',
    effort_hours         INT,
    opportunity_id       BIGINT,
    created_at           DATETIME       NOT NULL,
    updated_at           DATETIME       NOT NULL,
    updated_by           VARCHAR(64)    NOT NULL,
    version              INT            NOT NULL DEFAULT 0,
    CONSTRAINT pk_tender PRIMARY KEY (id),
    CONSTRAINT ck_tender_status CHECK (status IN ('IDENTIFIED', 'QUALIFYING', 'BID_NO_BID', 'PREPARING', 'SUBMITTED',
        'WON', 'LOST', 'WITHDRAWN', 'CANCELLED')),
    CONSTRAINT ck_tender_procedure CHECK (procedure_type IN ('OPEN', 'RESTRICTED', 'NEGOTIATED', 'COMPETITIVE_DIALOGUE',
        'MULTIPLE_PRIVATE', 'SINGLE_PRIVATE')),
    CONSTRAINT ck_tender_award_method CHECK (award_method IN ('LOWEST_PRICE', 'PRICE_QUALITY')),
    CONSTRAINT ck_tender_price_formula CHECK (price_formula IN ('RELATIVE', 'LINEAR')),
    CONSTRAINT ck_tender_value CHECK (estimated_value IS NULL OR estimated_value >= 0),
    CONSTRAINT ck_tender_effort CHECK (effort_hours IS NULL OR effort_hours >= 0)
);

CREATE INDEX ix_tender_status ON tender (status, submission_deadline);
CREATE INDEX ix_tender_authority ON tender (authority_id, status);
CREATE INDEX ix_tender_deadline ON tender (submission_deadline, status);
CREATE INDEX ix_tender_title ON tender (title);

CREATE TABLE tender_status_change (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    tender_id   BIGINT       NOT NULL,
    from_status VARCHAR(12),
    to_status   VARCHAR(12)  NOT NULL,
    changed_at  DATETIME     NOT NULL,
    changed_by  VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_tender_status_change PRIMARY KEY (id),
    CONSTRAINT fk_tender_status_change_tender FOREIGN KEY (tender_id) REFERENCES tender (id) ON DELETE CASCADE
);

CREATE INDEX ix_tender_status_change ON tender_status_change (tender_id, changed_at);

-- a tender in parts; each lot has its own value and status
CREATE TABLE tender_lot (
    id        BIGINT         NOT NULL AUTO_INCREMENT,
    tender_id BIGINT         NOT NULL,
    number    INT            NOT NULL,
    title     VARCHAR(300)   NOT NULL,
    value     DECIMAL(14, 2),
    status    VARCHAR(10)    NOT NULL DEFAULT 'OPEN',
    CONSTRAINT pk_tender_lot PRIMARY KEY (id),
    CONSTRAINT uq_tender_lot_number UNIQUE (tender_id, number),
    CONSTRAINT fk_tender_lot_tender FOREIGN KEY (tender_id) REFERENCES tender (id) ON DELETE CASCADE,
    CONSTRAINT ck_tender_lot_status CHECK (status IN ('OPEN', 'BIDDING', 'NO_BID', 'WON', 'LOST')),
    CONSTRAINT ck_tender_lot_value CHECK (value IS NULL OR value >= 0)
);

-- documents are links (the portal keeps the files), with their version and who keeps them
CREATE TABLE tender_document (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    tender_id   BIGINT        NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    url         VARCHAR(1000) NOT NULL,
    doc_version VARCHAR(30)   NOT NULL DEFAULT '',
    owner_id    BIGINT,
    added_at    DATETIME      NOT NULL,
    CONSTRAINT pk_tender_document PRIMARY KEY (id),
    CONSTRAINT fk_tender_document_tender FOREIGN KEY (tender_id) REFERENCES tender (id) ON DELETE CASCADE
);

CREATE INDEX ix_tender_document ON tender_document (tender_id);

CREATE TABLE tender_team_member (
    tender_id BIGINT       NOT NULL,
    user_id   BIGINT       NOT NULL,
    role      VARCHAR(60)  NOT NULL DEFAULT '',
    CONSTRAINT pk_tender_team_member PRIMARY KEY (tender_id, user_id),
    CONSTRAINT fk_tender_team_member_tender FOREIGN KEY (tender_id) REFERENCES tender (id) ON DELETE CASCADE
);

-- questions we or others asked, and the answers the authority published
CREATE TABLE tender_question (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    tender_id    BIGINT         NOT NULL,
    asked_on     DATE           NOT NULL,
    question     VARCHAR(2000)  NOT NULL,
    answer       VARCHAR(4000)  NOT NULL DEFAULT '',
    published_on DATE,
    CONSTRAINT pk_tender_question PRIMARY KEY (id),
    CONSTRAINT fk_tender_question_tender FOREIGN KEY (tender_id) REFERENCES tender (id) ON DELETE CASCADE
);

CREATE INDEX ix_tender_question ON tender_question (tender_id, asked_on);

CREATE TABLE tender_task (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    tender_id   BIGINT        NOT NULL,
    title       VARCHAR(300)  NOT NULL,
    assignee_id BIGINT,
    due_date    DATE          NOT NULL,
    done        BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT pk_tender_task PRIMARY KEY (id),
    CONSTRAINT fk_tender_task_tender FOREIGN KEY (tender_id) REFERENCES tender (id) ON DELETE CASCADE
);

CREATE INDEX ix_tender_task_due ON tender_task (done, due_date);
CREATE INDEX ix_tender_task_tender ON tender_task (tender_id, due_date);

-- bid/no-bid: pass/fail checks first, then weighted criteria scored 0..5
CREATE TABLE bid_check (
    id        BIGINT        NOT NULL AUTO_INCREMENT,
    name_en   VARCHAR(120)  NOT NULL,
    name_nl   VARCHAR(120)  NOT NULL,
    position  INT           NOT NULL,
    active    BOOLEAN       NOT NULL DEFAULT TRUE,
    version   INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_bid_check PRIMARY KEY (id)
);

CREATE TABLE bid_criterion (
    id        BIGINT        NOT NULL AUTO_INCREMENT,
    name_en   VARCHAR(120)  NOT NULL,
    name_nl   VARCHAR(120)  NOT NULL,
    weight    INT           NOT NULL,
    position  INT           NOT NULL,
    active    BOOLEAN       NOT NULL DEFAULT TRUE,
    version   INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_bid_criterion PRIMARY KEY (id),
    CONSTRAINT ck_bid_criterion_weight CHECK (weight BETWEEN 1 AND 100)
);

-- one row: the thresholds of the recommendation and the warning horizon
CREATE TABLE tender_settings (
    id               INT  NOT NULL,
    bid_threshold    INT  NOT NULL DEFAULT 70,
    review_threshold INT  NOT NULL DEFAULT 50,
    warning_days     INT  NOT NULL DEFAULT 14,
    version          INT  NOT NULL DEFAULT 0,
    CONSTRAINT pk_tender_settings PRIMARY KEY (id),
    CONSTRAINT ck_tender_settings_thresholds CHECK (review_threshold BETWEEN 0 AND bid_threshold AND bid_threshold <= 100),
    CONSTRAINT ck_tender_settings_days CHECK (warning_days BETWEEN 1 AND 365)
);

CREATE TABLE bid_decision (
    tender_id      BIGINT         NOT NULL,
    total          DECIMAL(5, 1)  NOT NULL,
    recommendation VARCHAR(8)     NOT NULL,
    decision       VARCHAR(8)     NOT NULL,
    reason         VARCHAR(2000)  NOT NULL,
    decided_by     VARCHAR(64)    NOT NULL,
    decided_at     DATETIME       NOT NULL,
    CONSTRAINT pk_bid_decision PRIMARY KEY (tender_id),
    CONSTRAINT fk_bid_decision_tender FOREIGN KEY (tender_id) REFERENCES tender (id) ON DELETE CASCADE,
    CONSTRAINT ck_bid_decision_recommendation CHECK (recommendation IN ('BID', 'REVIEW', 'NO_BID')),
    CONSTRAINT ck_bid_decision_decision CHECK (decision IN ('BID', 'NO_BID'))
);

CREATE TABLE bid_check_result (
    tender_id BIGINT  NOT NULL,
    check_id  BIGINT  NOT NULL,
    passed    BOOLEAN NOT NULL,
    CONSTRAINT pk_bid_check_result PRIMARY KEY (tender_id, check_id),
    CONSTRAINT fk_bid_check_result_decision FOREIGN KEY (tender_id) REFERENCES bid_decision (tender_id) ON DELETE CASCADE,
    CONSTRAINT fk_bid_check_result_check FOREIGN KEY (check_id) REFERENCES bid_check (id)
);

CREATE TABLE bid_score (
    tender_id    BIGINT NOT NULL,
    criterion_id BIGINT NOT NULL,
    weight       INT    NOT NULL,
    score        INT    NOT NULL,
    CONSTRAINT pk_bid_score PRIMARY KEY (tender_id, criterion_id),
    CONSTRAINT fk_bid_score_decision FOREIGN KEY (tender_id) REFERENCES bid_decision (tender_id) ON DELETE CASCADE,
    CONSTRAINT fk_bid_score_criterion FOREIGN KEY (criterion_id) REFERENCES bid_criterion (id),
    CONSTRAINT ck_bid_score_score CHECK (score BETWEEN 0 AND 5)
);

-- the award: the authority's criteria and what each bidder scored on them (quality criteria in
-- points out of their weight; the price criterion is computed from the prices)
CREATE TABLE award_criterion (
    id        BIGINT        NOT NULL AUTO_INCREMENT,
    tender_id BIGINT        NOT NULL,
    name      VARCHAR(120)  NOT NULL,
    weight    DECIMAL(5, 2) NOT NULL,
    price     BOOLEAN       NOT NULL DEFAULT FALSE,
    position  INT           NOT NULL,
    CONSTRAINT pk_award_criterion PRIMARY KEY (id),
    CONSTRAINT fk_award_criterion_tender FOREIGN KEY (tender_id) REFERENCES tender (id) ON DELETE CASCADE,
    CONSTRAINT ck_award_criterion_weight CHECK (weight > 0 AND weight <= 100)
);

CREATE TABLE award_bidder (
    id        BIGINT         NOT NULL AUTO_INCREMENT,
    tender_id BIGINT         NOT NULL,
    name      VARCHAR(200)   NOT NULL,
    us        BOOLEAN        NOT NULL DEFAULT FALSE,
    price     DECIMAL(14, 2) NOT NULL,
    CONSTRAINT pk_award_bidder PRIMARY KEY (id),
    CONSTRAINT fk_award_bidder_tender FOREIGN KEY (tender_id) REFERENCES tender (id) ON DELETE CASCADE,
    CONSTRAINT ck_award_bidder_price CHECK (price > 0)
);

CREATE TABLE award_score (
    bidder_id    BIGINT        NOT NULL,
    criterion_id BIGINT        NOT NULL,
    points       DECIMAL(7, 2) NOT NULL,
    CONSTRAINT pk_award_score PRIMARY KEY (bidder_id, criterion_id),
    CONSTRAINT fk_award_score_bidder FOREIGN KEY (bidder_id) REFERENCES award_bidder (id) ON DELETE CASCADE,
    CONSTRAINT fk_award_score_criterion FOREIGN KEY (criterion_id) REFERENCES award_criterion (id) ON DELETE CASCADE,
    CONSTRAINT ck_award_score_points CHECK (points >= 0)
);

-- reusable answer texts for tender questions
CREATE TABLE answer (
    id         BIGINT         NOT NULL AUTO_INCREMENT,
    title      VARCHAR(200)   NOT NULL,
    body       VARCHAR(8000)  NOT NULL,
    tags       VARCHAR(200)   NOT NULL DEFAULT '',
    source     VARCHAR(200)   NOT NULL DEFAULT '',
    source_key VARCHAR(100),
    updated_at DATETIME       NOT NULL,
    updated_by VARCHAR(64)    NOT NULL,
    version    INT            NOT NULL DEFAULT 0,
    CONSTRAINT pk_answer PRIMARY KEY (id),
    CONSTRAINT uq_answer_source_key UNIQUE (source_key)
);

CREATE INDEX ix_answer_title ON answer (title);

INSERT INTO tender_settings (id) VALUES (1);

INSERT INTO bid_check (name_en, name_nl, position) VALUES
    ('We hold the mandatory certificates', 'We hebben de verplichte certificaten', 1),
    ('We meet the minimum turnover', 'We halen de minimale omzet', 2),
    ('We have the required references', 'We hebben de gevraagde referenties', 3);

INSERT INTO bid_criterion (name_en, name_nl, weight, position) VALUES
    ('Fit with our offer', 'Past bij ons aanbod', 20, 1),
    ('Chance to win', 'Kans om te winnen', 20, 2),
    ('Relationship with the authority', 'Relatie met de aanbesteder', 10, 3),
    ('Capacity to deliver', 'Capaciteit om te leveren', 15, 4),
    ('Expected margin', 'Verwachte marge', 15, 5),
    ('Strategic value', 'Strategische waarde', 10, 6),
    ('Risk (5 = low risk)', 'Risico (5 = laag risico)', 10, 7);
