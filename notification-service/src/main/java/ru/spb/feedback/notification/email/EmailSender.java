package ru.spb.feedback.notification.email;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.notification.delivery.ChannelSender;
import ru.spb.feedback.notification.delivery.Channel;
import ru.spb.feedback.notification.delivery.Delivery;
import ru.spb.feedback.notification.inbox.Notification;
import ru.spb.feedback.notification.recipient.Recipient;
import ru.spb.feedback.notification.template.NotificationTemplates;
import ru.spb.feedback.notification.template.TrackedAppeal;

import java.util.Arrays;
import java.util.Optional;

/**
 * E-mails a notification to its citizen: HTML and plain text from the Qute templates in
 * {@code templates/email/}. The address is read when the e-mail is sent, so a change of
 * preferences in between is respected.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    @Inject
    Mailer mailer;

    @Location("email/notification.html")
    Template html;

    @Location("email/notification.txt")
    Template text;

    /** The citizens' e-mails; area alerts' e-mails are {@code AreaAlertMails}'. */
    @Override
    public boolean sends(Delivery delivery) {
        return delivery.channel == Channel.EMAIL && delivery.areaAlertId == null;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Call> prepareCall(Delivery delivery) {
        return prepare(delivery).map(mail -> () -> {
            send(mail);
            return null;
        });
    }

    /** The e-mail of a delivery, or empty if the citizen no longer wants e-mail (or has no address). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Mail> prepare(Delivery delivery) {
        Recipient recipient = Recipient.findById(delivery.citizenId);
        String address = recipient == null ? null : recipient.emailAddressIfWanted();
        if (address == null) {
            return Optional.empty();
        }
        Notification notification = Notification.findById(delivery.notificationId);
        // a supporter has an account of their own, whichever way the author reported
        TrackedAppeal appeal = notification.supportedAppeal ? null : TrackedAppeal.findById(notification.appealId);
        EmailModel model = new EmailModel(recipient.name, notification.title, notification.statusLabel,
                notification.appealNumber, notification.municipalityName, NotificationTemplates.date(notification.dueAt),
                Arrays.stream(notification.message.split("\\n\\s*\\n")).map(String::trim).filter(p -> !p.isEmpty()).toList(),
                appeal != null && appeal.viaIntegrator());
        return Optional.of(Mail.withHtml(address, notification.title, html.data("mail", model).render())
                .setText(text.data("mail", model).render())
                .addHeader("Auto-Submitted", "auto-generated")
                // one id per delivery: if a crash between the SMTP server's "OK" and our commit makes
                // us send it again, mail systems that deduplicate by Message-ID show it once
                .addHeader("Message-ID", messageId(delivery))
                .addHeader("X-Feedback-Appeal", notification.appealNumber == null ? "" : notification.appealNumber));
    }

    static String messageId(Delivery delivery) {
        return "<delivery-" + delivery.id + "@notification.feedback.spb>";
    }

    /** Sends it over SMTP; blocks until the server took it (bounded by {@code quarkus.mailer.timeout}). */
    public void send(Mail mail) {
        mailer.send(mail);
    }
}
