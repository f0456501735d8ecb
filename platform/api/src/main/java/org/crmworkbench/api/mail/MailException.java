package org.crmworkbench.api.mail;

/**
 * A message could not be sent; the message says why.
 *
 * @since 1.3
 */
public class MailException extends RuntimeException {

    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
