package ru.spb.feedback.appeals.open311;

import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.contracts.AppealStatus;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Platform statuses as GeoReport v2's two: {@code closed} once the municipality has answered or
 * the appeal ended otherwise, {@code open} while someone still has to act. A reopened appeal is
 * open again. {@code status_notes} says in Russian which of the platform's steps it is at.
 */
public final class Open311Status {

    /** The platform statuses Open311 calls closed; every other status is open. */
    public static final Set<AppealStatus> CLOSED =
            EnumSet.of(AppealStatus.ANSWERED, AppealStatus.CLOSED, AppealStatus.REJECTED, AppealStatus.WITHDRAWN);

    private Open311Status() {
    }

    public static String of(AppealStatus status) {
        return CLOSED.contains(status) ? "closed" : "open";
    }

    /** The platform statuses behind one Open311 status, or null for a value the spec does not have. */
    static Set<AppealStatus> platformStatuses(String open311Status) {
        return switch (open311Status) {
            case "open" -> EnumSet.complementOf(EnumSet.copyOf(CLOSED));
            case "closed" -> EnumSet.copyOf(CLOSED);
            default -> null;
        };
    }

    /**
     * What {@code status_notes} says. The owner's view adds the answer's text and a moderator's
     * note; the public view never has them (an answer may address the person by name).
     *
     * @param answer            the latest answer's text, may be null
     * @param duplicateOfNumber for a rejected duplicate, the original's number
     */
    static String notes(Appeal appeal, boolean owner, String answer, String duplicateOfNumber) {
        String organization = appeal.organizationName != null ? appeal.organizationName : "исполнитель";
        String notes = switch (appeal.status) {
            case REGISTERED -> "Зарегистрировано, определяется исполнитель";
            case TRIAGE -> "Исполнителя определяет модератор";
            case ROUTED -> "Направлено исполнителю: " + organization;
            case IN_PROGRESS -> "В работе: " + organization;
            case REROUTING -> "Исполнитель уточняется";
            case REOPENED -> "Возвращено исполнителю после оценки ответа: " + organization;
            case ANSWERED -> withAnswer("Дан ответ", owner, answer);
            case CLOSED -> withAnswer("Закрыто", owner, answer);
            case WITHDRAWN -> "Отозвано";
            case REJECTED -> rejection(appeal, owner, duplicateOfNumber);
        };
        return appeal.isOverdue(Instant.now()) ? notes + ". Срок ответа истёк" : notes;
    }

    private static String withAnswer(String status, boolean owner, String answer) {
        return owner && answer != null ? status + ": " + answer : status;
    }

    private static String rejection(Appeal appeal, boolean owner, String duplicateOfNumber) {
        String reason = appeal.rejectionReason == null ? "без указания причины" : switch (appeal.rejectionReason) {
            case SPAM -> "спам";
            case ABUSIVE_LANGUAGE -> "нецензурные или оскорбительные выражения";
            case DUPLICATE -> duplicateOfNumber != null ? "повтор обращения " + duplicateOfNumber : "повтор другого обращения";
            case NOT_AN_APPEAL -> "не является обращением";
        };
        String notes = "Отклонено: " + reason;
        return owner && appeal.rejectionNote != null ? notes + ". " + appeal.rejectionNote : notes;
    }
}
