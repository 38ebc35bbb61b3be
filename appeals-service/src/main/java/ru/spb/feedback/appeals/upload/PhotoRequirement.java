package ru.spb.feedback.appeals.upload;

import ru.spb.feedback.appeals.category.Category;
import ru.spb.feedback.web.Problem;

import java.util.Optional;

/**
 * Problem types flagged photo-required ({@code category.photo_required}) take no appeal without
 * a photo. Any intake asks here: the API with its {@code photoIds}, Open311 with a {@code media_url}.
 */
public final class PhotoRequirement {

    private PhotoRequirement() {
    }

    /**
     * The violation to report, if the problem type needs a photo and the appeal has none.
     *
     * @param hasPhotoOrMediaUrl at least one attached photo or, for Open311, a media URL
     * @param field              the request field to name, e.g. {@code photoIds} or {@code media_url}
     */
    public static Optional<Problem.Violation> check(Category category, boolean hasPhotoOrMediaUrl, String field) {
        if (category.photoRequired && !hasPhotoOrMediaUrl) {
            return Optional.of(new Problem.Violation(field, "this problem type needs at least one photo"));
        }
        return Optional.empty();
    }
}
