package ru.spb.feedback.notification.alert;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ru.spb.feedback.contracts.AppealAnswered;
import ru.spb.feedback.contracts.CityTime;
import ru.spb.feedback.contracts.EventCatalog;
import ru.spb.feedback.contracts.PublicAddress;
import ru.spb.feedback.notification.config.NotificationConfig;
import ru.spb.feedback.notification.delivery.Channel;
import ru.spb.feedback.notification.delivery.ChannelSender;
import ru.spb.feedback.notification.delivery.Delivery;
import ru.spb.feedback.notification.template.TrackedAppeal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The e-mails of area-alert deliveries, made when the dispatcher sends them (with the retries of
 * every e-mail): the confirmation, and the alerts about appeals with their one-click unsubscribe
 * (RFC 8058). Each gets a fresh link token here, since only tokens' hashes are stored.
 */
@ApplicationScoped
public class AreaAlertMails implements ChannelSender {

    static final String CONFIRMATION_SUBJECT = "Подтвердите подписку на обращения рядом";
    private static final String ANSWERED = EventCatalog.typeOf(AppealAnswered.class).name();
    private static final DateTimeFormatter CITY_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(CityTime.ZONE);

    @Inject
    NotificationConfig config;

    @Inject
    AlertTokens tokens;

    @Inject
    Mailer mailer;

    @Location("alert/confirmation.html")
    Template confirmationHtml;

    @Location("alert/confirmation.txt")
    Template confirmationText;

    @Location("alert/appeal.html")
    Template alertHtml;

    @Location("alert/appeal.txt")
    Template alertText;

    @Override
    public boolean sends(Delivery delivery) {
        return delivery.channel == Channel.EMAIL && delivery.areaAlertId != null;
    }

    /** Sent over SMTP like every e-mail, blocking until the server took it (bounded by {@code quarkus.mailer.timeout}). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Call> prepareCall(Delivery delivery) {
        return prepare(delivery).map(mail -> () -> {
            mailer.send(mail);
            return null;
        });
    }

    /** The e-mail of a delivery, or empty if it is not wanted any more (unsubscribed, confirmed meanwhile, erased). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Mail> prepare(Delivery delivery) {
        AreaAlert alert = AreaAlert.findById(delivery.areaAlertId);
        if (alert == null || alert.email == null || alert.unsubscribedAt != null) {
            return Optional.empty();
        }
        return delivery.target.startsWith(Delivery.AREA_ALERT_CONFIRMATION_PREFIX)
                ? confirmation(delivery, alert)
                : appeal(delivery, alert);
    }

    private Optional<Mail> confirmation(Delivery delivery, AreaAlert alert) {
        if (alert.confirmedAt != null) {
            return Optional.empty();
        }
        Instant validUntil = Instant.now().plus(config.areaAlerts().confirmationTtl());
        String token = tokens.issue(alert.id, AlertTokens.Purpose.CONFIRM, validUntil);
        ConfirmationMail model = new ConfirmationMail(areaInWords(alert), eventsInWords(alert),
                base() + "/#/alerts/confirm?token=" + token, CITY_TIME.format(validUntil));
        return Optional.of(headers(Mail.withHtml(alert.email, CONFIRMATION_SUBJECT, confirmationHtml.data("mail", model).render())
                .setText(confirmationText.data("mail", model).render()), delivery));
    }

    private Optional<Mail> appeal(Delivery delivery, AreaAlert alert) {
        TrackedAppeal appeal = delivery.appealId == null ? null : TrackedAppeal.findById(delivery.appealId);
        // the type may have become private, or the appeal official, since it was matched
        if (!alert.active() || appeal == null || !appeal.shownPublicly() || appeal.number == null) {
            return Optional.empty();
        }
        boolean answered = ANSWERED.equals(delivery.eventType);
        String type = appeal.categoryName;
        String subject = (answered ? "Ответ на обращение рядом" : "Новое обращение рядом") + (type == null ? "" : ": " + type);
        String unsubscribeToken = tokens.issue(alert.id, AlertTokens.Purpose.UNSUBSCRIBE, null);
        AlertMail model = new AlertMail(subject,
                answered ? "На обращение рядом с вами дан ответ." : "Рядом с вами появилось новое обращение жителя.",
                appeal.number, type, appeal.municipalityName, PublicAddress.street(appeal.address),
                answered ? "Дан ответ" : "Направлено исполнителю",
                base() + "/#/public?appeal=" + URLEncoder.encode(appeal.number, StandardCharsets.UTF_8),
                base() + "/#/alerts/unsubscribe?token=" + unsubscribeToken);
        return Optional.of(headers(Mail.withHtml(alert.email, subject, alertHtml.data("mail", model).render())
                .setText(alertText.data("mail", model).render()), delivery)
                // RFC 2369 and RFC 8058: mail programs offer a one-click unsubscribe that POSTs to this URL
                .addHeader("List-Unsubscribe", "<" + base() + "/api/v1/area-alerts/unsubscribe?token=" + unsubscribeToken + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("X-Feedback-Appeal", appeal.number));
    }

    private static Mail headers(Mail mail, Delivery delivery) {
        return mail.addHeader("Auto-Submitted", "auto-generated")
                // one id per delivery, as for every e-mail: a resend after a crash shows once
                .addHeader("Message-ID", "<delivery-" + delivery.id + "@notification.feedback.spb>");
    }

    private String base() {
        String base = config.publicBaseUrl().trim();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String areaInWords(AreaAlert alert) {
        return alert.municipalityCode != null
                ? "муниципального образования с кодом " + alert.municipalityCode
                : "в радиусе " + alert.radiusMeters + " м от точки " + alert.lat + ", " + alert.lon;
    }

    private static String eventsInWords(AreaAlert alert) {
        List<String> words = new ArrayList<>();
        if (alert.notifyNew) {
            words.add("о новых обращениях");
        }
        if (alert.notifyAnswered) {
            words.add("об ответах на обращения");
        }
        return String.join(" и ", words);
    }
}
