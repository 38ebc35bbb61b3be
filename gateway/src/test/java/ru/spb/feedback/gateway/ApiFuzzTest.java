package ru.spb.feedback.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.ApiFuzz;

import java.net.URL;

/**
 * The gateway's own operations (the web app's settings and demo sign-in, the console's documents) against a hostile
 * client driven by its API document, as each service's ApiFuzzTest does for the service's.
 */
@QuarkusTest
class ApiFuzzTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void noAnswerIsAServerErrorOrOutsideTheDocument() {
        ApiFuzz.assertServiceKeepsItsDocument(gateway.getPort());
    }
}
