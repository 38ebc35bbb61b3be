package ru.spb.feedback.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of routing-service ({@code routing.*}). */
@ConfigMapping(prefix = "routing")
public interface RoutingConfig {

    /** After this many declines an appeal goes to triage instead of being routed again. */
    @WithDefault("2")
    int maxDeclines();

    /** Answer deadline of an official appeal under 59-ФЗ, in calendar days from registration. */
    @WithDefault("30")
    int officialCalendarDays();

    /** How often each copy checks for a new boundary set or calendar year stored by another copy. */
    @WithDefault("PT10S")
    Duration refreshInterval();
}
