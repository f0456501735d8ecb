package org.crmworkbench.api.mail;

/**
 * Sends plain-text e-mail through the SMTP server the workbench is configured with
 * ({@code spring.mail.*}). Calls block until the server accepted or refused the message: call it
 * off the UI thread for more than a few messages.
 *
 * @since 1.3
 */
public interface Mailer {

    /** A mailer that has no server: {@link #configured()} is false and {@link #send} always throws. */
    Mailer NONE = new Mailer() {
        @Override
        public boolean configured() {
            return false;
        }

        @Override
        public void send(String to, String subject, String text) {
            throw new MailException("no SMTP server is configured", null);
        }
    };

    /** Whether an SMTP server is configured; when false, offer another way (e.g. a CSV of links). */
    boolean configured();

    /**
     * Sends one message from the workbench's sender address.
     *
     * @throws MailException when the server refuses it, is unreachable or none is configured
     */
    void send(String to, String subject, String text);
}
