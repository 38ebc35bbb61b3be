package ru.spb.feedback.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a longer list; pages count from 0. */
@Schema(name = "Page")
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageView<T> of(List<T> items, int page, int size, long total) {
        return new PageView<>(items, page, size, total, (int) ((total + size - 1) / size));
    }
}
