-- Bookkeeping of installed plugins, shared by every app node.
CREATE TABLE plugin_state (
    plugin_id  VARCHAR(64)  NOT NULL,
    enabled    BOOLEAN      NOT NULL DEFAULT TRUE,
    version    VARCHAR(32),
    state      VARCHAR(16)  NOT NULL,
    last_error TEXT,
    updated_at TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    CONSTRAINT pk_plugin_state PRIMARY KEY (plugin_id),
    CONSTRAINT ck_plugin_state_state CHECK (state IN ('ENABLED', 'DISABLED', 'FAILED'))
);
