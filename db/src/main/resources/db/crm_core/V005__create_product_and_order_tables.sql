-- Products catalogue and orders with order lines: the data RFM, ABC, CLV and retention are computed from.
CREATE TABLE product (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    code          VARCHAR(40)   NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    product_group VARCHAR(100)  NOT NULL,
    list_price    DECIMAL(14, 2),
    active        BOOLEAN       NOT NULL DEFAULT TRUE,
    updated_at    TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_by    VARCHAR(64),
    version       INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_product PRIMARY KEY (id),
    CONSTRAINT uq_product_code UNIQUE (code),
    CONSTRAINT ck_product_price CHECK (list_price IS NULL OR list_price >= 0)
);

CREATE INDEX ix_product_group ON product (product_group, name);

CREATE TABLE sales_order (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    account_id   BIGINT        NOT NULL,
    order_number VARCHAR(40),
    order_date   DATE          NOT NULL,
    created_at   TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by   VARCHAR(64),
    CONSTRAINT pk_sales_order PRIMARY KEY (id),
    CONSTRAINT uq_sales_order_number UNIQUE (order_number),
    CONSTRAINT fk_sales_order_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE INDEX ix_sales_order_account ON sales_order (account_id, order_date);
CREATE INDEX ix_sales_order_date ON sales_order (order_date, account_id);

CREATE TABLE order_line (
    id          BIGINT         NOT NULL AUTO_INCREMENT,
    order_id    BIGINT         NOT NULL,
    line_no     INT            NOT NULL,
    product_id  BIGINT         NOT NULL,
    quantity    DECIMAL(12, 3) NOT NULL,
    unit_price  DECIMAL(14, 2) NOT NULL,
    margin_pct  DECIMAL(5, 2),
    CONSTRAINT pk_order_line PRIMARY KEY (id),
    CONSTRAINT uq_order_line_no UNIQUE (order_id, line_no),
    CONSTRAINT fk_order_line_order FOREIGN KEY (order_id) REFERENCES sales_order (id) ON DELETE CASCADE,
    CONSTRAINT fk_order_line_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_order_line_quantity CHECK (quantity > 0),
    CONSTRAINT ck_order_line_price CHECK (unit_price >= 0),
    CONSTRAINT ck_order_line_margin CHECK (margin_pct IS NULL OR (margin_pct >= -100 AND margin_pct <= 100))
);

CREATE INDEX ix_order_line_product ON order_line (product_id);

-- Public, read-only contracts for plugins. Order lines carry account, date and product group so a
-- plugin can aggregate revenue without joining core tables it cannot see.
CREATE VIEW v_products AS
SELECT p.id, p.code, p.name, p.product_group, p.list_price, p.active
FROM product p;

CREATE VIEW v_orders AS
SELECT o.id, o.account_id, o.order_number, o.order_date
FROM sales_order o;

CREATE VIEW v_order_lines AS
SELECT l.id, l.order_id, o.account_id, o.order_date, l.product_id, p.product_group, l.quantity, l.unit_price,
       l.quantity * l.unit_price AS amount, l.margin_pct
FROM order_line l
JOIN sales_order o ON o.id = l.order_id
JOIN product p ON p.id = l.product_id;
