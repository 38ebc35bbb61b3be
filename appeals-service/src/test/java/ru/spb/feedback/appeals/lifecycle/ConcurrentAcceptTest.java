package ru.spb.feedback.appeals.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.testsupport.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spb.feedback.appeals.appeal.AppealFixtures.newCitizen;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.ORG;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.inStatus;
import static ru.spb.feedback.appeals.lifecycle.LifecycleFixtures.post;

/** Two officers accept the same appeal at the same moment: one wins, the other gets 409. */
@QuarkusTest
class ConcurrentAcceptTest {

    @Test
    void ofTwoConcurrentAcceptsExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = inStatus(newCitizen(), AppealStatus.ROUTED);
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (String officer : List.of("officer-a", "officer-b")) {
                String token = TestTokens.officer(officer, ORG);
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return post(token, "/api/v1/officer/appeals/" + id + "/accept", null)
                            .contentType(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.startsWith("application/json"),
                                    org.hamcrest.Matchers.startsWith("application/problem+json")))
                            .extract().statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> call : calls) {
                statuses.add(call.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(LifecycleFixtures.load(id).status).isEqualTo(AppealStatus.IN_PROGRESS);
            long accepts = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                    ru.spb.feedback.appeals.appeal.AppealStatusChange.count("appealId = ?1 and action = ?2",
                            java.util.UUID.fromString(id), ru.spb.feedback.contracts.AppealAction.ACCEPT));
            assertThat(accepts).isEqualTo(1);
        }
    }
}
