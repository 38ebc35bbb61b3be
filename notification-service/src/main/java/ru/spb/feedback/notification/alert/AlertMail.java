package ru.spb.feedback.notification.alert;

import io.quarkus.qute.TemplateData;

/**
 * What an area alert ({@code templates/alert/appeal.html|txt}) shows: only what the public view of
 * the appeal shows too — never the description, an answer's text or anything of the author.
 *
 * @param subject        also the HTML title
 * @param lead           the first sentence: a new appeal, or an answer
 * @param appealNumber   the tracking number
 * @param problemType    the problem type's name, may be null
 * @param municipality   the municipality's name, may be null
 * @param street         the address cut to its street ({@link ru.spb.feedback.contracts.PublicAddress}), may be null
 * @param status         the appeal's status in words
 * @param appealUrl      the appeal's public page in the web app
 * @param unsubscribeUrl the web app's unsubscribe page with the token
 */
@TemplateData
public record AlertMail(String subject, String lead, String appealNumber, String problemType, String municipality,
                        String street, String status, String appealUrl, String unsubscribeUrl) {

    @Override
    public String toString() {
        return "AlertMail[" + appealNumber + "]";
    }
}
