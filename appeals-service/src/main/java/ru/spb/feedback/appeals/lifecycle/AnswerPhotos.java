package ru.spb.feedback.appeals.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import ru.spb.feedback.appeals.appeal.Actor;
import ru.spb.feedback.appeals.appeal.Appeal;
import ru.spb.feedback.web.ProblemException;

import java.util.List;
import java.util.UUID;

/** Attaches an officer's uploaded photos to an answer. */
@ApplicationScoped
public class AnswerPhotos {

    void attach(List<UUID> photoIds, Actor officer, Appeal appeal) {
        if (!photoIds.isEmpty()) {
            throw ProblemException.invalid("photoIds", "photo uploads are not available yet");
        }
    }
}
