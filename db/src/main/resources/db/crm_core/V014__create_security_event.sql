-- The security log, visible to administrators: logins, plugin installs and state changes.
-- Append-only: the triggers refuse every UPDATE and DELETE, whoever asks.
CREATE TABLE security_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    kind        VARCHAR(24)  NOT NULL,
    username    VARCHAR(64),
    address     VARCHAR(64),
    detail      VARCHAR(500),
    CONSTRAINT pk_security_event PRIMARY KEY (id)
);

CREATE INDEX ix_security_event_time ON security_event (occurred_at, id);
CREATE INDEX ix_security_event_kind ON security_event (kind, occurred_at);

/* [jooq ignore start] */
CREATE TRIGGER security_event_no_update BEFORE UPDATE ON security_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'security_event is append-only';
CREATE TRIGGER security_event_no_delete BEFORE DELETE ON security_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'security_event is append-only';
/* [jooq ignore stop] */
