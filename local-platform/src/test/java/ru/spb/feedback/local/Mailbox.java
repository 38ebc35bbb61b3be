package ru.spb.feedback.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A real SMTP server (GreenMail) in the test JVM that catches notification-service's e-mails. */
final class Mailbox implements AutoCloseable {

    private final GreenMail smtp;

    private Mailbox(GreenMail smtp) {
        this.smtp = smtp;
    }

    static Mailbox start() {
        GreenMail smtp = new GreenMail(new ServerSetup(KafkaBroker.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return new Mailbox(smtp);
    }

    /** What notification-service needs to send here. */
    Map<String, String> serviceEnvironment() {
        return MailCatcher.environmentFor(smtp.getSmtp().getPort());
    }

    /** The e-mails received for {@code address} so far, in the order they arrived. */
    List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().contains(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Every e-mail received so far, in the order they arrived. */
    List<MimeMessage> all() {
        return List.of(smtp.getReceivedMessages());
    }

    /** The subjects of the e-mails to {@code address}, in the order they arrived. */
    List<String> subjectsTo(String address) throws MessagingException {
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage message : to(address)) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    /** The plain-text part of an e-mail (notification-service sends HTML and plain text). */
    static String text(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) multipart.getBodyPart(i).getContent();
                }
            }
        }
        return String.valueOf(content);
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
