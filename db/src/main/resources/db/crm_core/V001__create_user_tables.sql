-- Users of the workbench and their roles. Passwords are BCrypt hashes, never plain text.
CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(128) NOT NULL,
    email         VARCHAR(254),
    password_hash VARCHAR(100) NOT NULL,
    locale        VARCHAR(8)   NOT NULL DEFAULT 'en',
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    version       INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_app_user PRIMARY KEY (id),
    CONSTRAINT uq_app_user_username UNIQUE (username)
);

CREATE TABLE user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(16) NOT NULL,
    CONSTRAINT pk_user_role PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT ck_user_role_role CHECK (role IN ('ADMIN', 'MANAGER', 'SALES'))
);

-- Public, read-only contract for plugins: no password hashes.
CREATE VIEW v_users AS
SELECT u.id, u.username, u.display_name, u.email, u.locale, u.active
FROM app_user u;
