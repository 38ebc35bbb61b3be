package ru.spb.feedback.appeals.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ru.spb.feedback.appeals.appeal.Actor;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.appeals.upload.Upload;
import ru.spb.feedback.appeals.upload.Uploads;

import java.util.List;
import java.util.UUID;

/** Attaches an officer's uploaded photos to an answer, in the answering transaction. */
@ApplicationScoped
public class AnswerPhotos {

    @Inject
    Uploads uploads;

    void attach(List<UUID> photoIds, Actor officer, Appeal appeal) {
        uploads.attach(photoIds, officer.id(), appeal.id, Upload.Purpose.ANSWER);
    }
}
