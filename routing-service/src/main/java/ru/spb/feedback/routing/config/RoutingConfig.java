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

    /**
     * After a change of problem type the due date is never earlier than the end of this many
     * working days after the change, so the newly responsible organization has time to answer
     * (working-day deadlines only; 0 turns the floor off).
     */
    @WithDefault("1")
    int categoryChangeMinWorkingDays();

    /** How often each copy checks for a new boundary set or calendar year stored by another copy. */
    @WithDefault("PT10S")
    Duration refreshInterval();
}
