CREATE TABLE note (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    account_id BIGINT       NOT NULL,
    text       VARCHAR(500) NOT NULL,
    CONSTRAINT pk_note PRIMARY KEY (id)
);
