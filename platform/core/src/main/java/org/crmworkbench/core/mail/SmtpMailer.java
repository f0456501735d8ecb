package org.crmworkbench.core.mail;

import org.crmworkbench.api.mail.MailException;
import org.crmworkbench.api.mail.Mailer;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import java.util.Objects;

/** The host's {@link Mailer}: plain-text messages through Spring's {@link JavaMailSender}. */
public final class SmtpMailer implements Mailer {

    private final JavaMailSender sender;
    private final String from;

    /**
     * @param sender the configured sender ({@code spring.mail.host}, port, credentials)
     * @param from   the sender address of every message
     */
    public SmtpMailer(JavaMailSender sender, String from) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.from = Objects.requireNonNull(from, "from");
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public void send(String to, String subject, String text) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
        } catch (org.springframework.mail.MailException e) {
            throw new MailException(e.getMessage(), e);
        }
    }
}
