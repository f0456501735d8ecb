-- The contacts list searches e-mail addresses by prefix.
CREATE INDEX ix_contact_email ON contact (email);
