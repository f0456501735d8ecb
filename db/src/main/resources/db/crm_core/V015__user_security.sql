-- Sign-in security per user:
--  sessions_valid_after  sessions signed in before this moment are ended ("sign out everywhere",
--                        password change, deactivation); checked on every request, on every node
--  password_changed_at   when the password was last set
--  totp_secret           Base32 secret of the optional second factor (RFC 6238), set while enrolling
--  totp_enabled          the second factor is asked at sign-in once the user confirmed a code
--  totp_last_step        the last 30-second step used, so a code cannot be used twice
-- None of these is in the public view v_users.
ALTER TABLE app_user
    ADD COLUMN sessions_valid_after TIMESTAMP(3) NULL,
    ADD COLUMN password_changed_at  TIMESTAMP(3) NULL,
    ADD COLUMN totp_secret          VARCHAR(64)  NULL,
    ADD COLUMN totp_enabled         BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN totp_last_step       BIGINT       NULL;
