package ru.spb.feedback.contracts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The events that finish an appeal are the ones the state machine takes to a finished status, and only those. */
class FinishingEventsTest {

    @Test
    void theFinishingEventsAreTheStepsIntoAFinishedStatus() {
        Set<String> finishing = EventCatalog.all().stream().map(EventCatalog::typeOf).filter(EventType::finishes)
                .map(EventType::name).collect(Collectors.toSet());
        assertThat(finishing).containsExactlyInAnyOrder("AppealClosed", "AppealRejected", "AppealWithdrawn");
        // each finished status is named by its event (CLOSED: AppealClosed, …), and no other status is finished
        Set<String> eventsOfFinishedStatuses = Arrays.stream(AppealStatus.values()).filter(AppealStatus::isFinished)
                .map(status -> "Appeal" + status.name().charAt(0) + status.name().substring(1).toLowerCase())
                .collect(Collectors.toSet());
        assertThat(eventsOfFinishedStatuses).isEqualTo(finishing);
        assertThat(EventCatalog.finishes("AppealClosed")).isTrue();
        assertThat(EventCatalog.finishes("AppealAnswered")).isFalse();
        assertThat(EventCatalog.finishes("NoSuchEvent")).isFalse();
    }
}
