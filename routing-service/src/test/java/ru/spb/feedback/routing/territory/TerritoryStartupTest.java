package ru.spb.feedback.routing.territory;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A restarted routing-service is handed appeals by its Kafka consumer while startup is still
 * building the territory index (seen in the fault-injection suite as a NullPointerException per
 * record). A lookup must wait for the first index instead of failing.
 */
class TerritoryStartupTest {

    @Test
    void aLookupBeforeTheFirstIndexWaitsForItInsteadOfFailing() throws Exception {
        Territory territory = new Territory();
        CompletableFuture<List<Territory.Summary>> lookup = CompletableFuture.supplyAsync(territory::active);

        assertThatThrownBy(() -> lookup.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        List<Territory.Summary> summaries = List.of(new Territory.Summary(1, BoundarySet.Kind.MUNICIPALITIES, 0,
                "test", Instant.now(), Set.of()));
        territory.install(new Territory.Loaded(TerritoryIndex.of(List.of(), List.of()), 1, 2, summaries));

        assertThat(lookup.get(5, TimeUnit.SECONDS)).isEqualTo(summaries);
    }
}
