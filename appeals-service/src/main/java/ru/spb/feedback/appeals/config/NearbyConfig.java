package ru.spb.feedback.appeals.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The search for nearby duplicates ({@code appeals.nearby.*}): open appeals of the same problem
 * type around a point, offered to a citizen before they file the same problem again.
 */
@ConfigMapping(prefix = "appeals.nearby")
public interface NearbyConfig {

    /** Search radius in metres when the request names none (the issue asks for 250 m). */
    @WithDefault("250")
    int defaultRadius();

    /** Largest radius in metres a request may ask for. */
    @WithDefault("1000")
    int maxRadius();

    /** Most appeals in one answer, nearest first. */
    @WithDefault("20")
    int maxResults();
}
