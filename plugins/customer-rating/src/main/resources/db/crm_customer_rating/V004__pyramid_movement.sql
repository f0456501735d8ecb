-- Movement between pyramid layers: each run keeps the layers of the run before it.
CREATE TABLE previous_layer (
    account_id    BIGINT     NOT NULL,
    pyramid_layer VARCHAR(8) NOT NULL,
    CONSTRAINT pk_previous_layer PRIMARY KEY (account_id)
);

ALTER TABLE customer_score ADD COLUMN previous_layer VARCHAR(8) NULL;
