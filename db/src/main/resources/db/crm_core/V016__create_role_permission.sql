-- Administrators' changes to which role holds which permission. A permission without a row here is
-- held by the default roles its definition names; ADMIN holds every permission and has no rows.
CREATE TABLE role_permission (
    permission_key VARCHAR(100) NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    granted        BOOLEAN      NOT NULL,
    changed_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    changed_by     VARCHAR(64),
    CONSTRAINT pk_role_permission PRIMARY KEY (permission_key, role),
    CONSTRAINT ck_role_permission_role CHECK (role IN ('MANAGER', 'SALES'))
);
