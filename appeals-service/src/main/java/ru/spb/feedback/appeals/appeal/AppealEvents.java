package ru.spb.feedback.appeals.appeal;

import ru.spb.feedback.appeals.category.Category;
import ru.spb.feedback.contracts.AppealRegistered;
import ru.spb.feedback.contracts.EventEnvelope;
import ru.spb.feedback.contracts.GeoPoint;

/** Maps appeals to the events about them; entities never go on the wire themselves. */
public final class AppealEvents {

    private AppealEvents() {
    }

    public static EventEnvelope.AppealRef ref(Appeal appeal) {
        return new EventEnvelope.AppealRef(appeal.id, appeal.number, appeal.citizenId, appeal.municipalityCode);
    }

    static EventEnvelope registered(Appeal appeal, Category category, String requestId) {
        AppealRegistered payload = new AppealRegistered(
                categoryRef(category),
                category.deadlineWorkingDays,
                appeal.official,
                appeal.lat == null ? null : new GeoPoint(appeal.lat, appeal.lon),
                appeal.address,
                appeal.description,
                appeal.registeredAt,
                appeal.channel,
                appeal.contactEmail == null && appeal.contactName == null ? null
                        : new AppealRegistered.CitizenContact(appeal.contactEmail, appeal.contactName),
                appeal.integratorId);
        return EventEnvelope.wrap(payload, ref(appeal), appeal.registeredAt, requestId);
    }

    /** A problem type with its place in the classifier, as events carry it. */
    public static AppealRegistered.CategoryRef categoryRef(Category category) {
        return new AppealRegistered.CategoryRef(category.code, category.name, category.groupCode, category.groupName,
                category.objectCode, category.objectName, category.isPublic);
    }
}
