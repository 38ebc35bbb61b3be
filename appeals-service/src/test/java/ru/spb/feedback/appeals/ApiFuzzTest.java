package ru.spb.feedback.appeals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.testsupport.ApiFuzz;
import ru.spb.feedback.testsupport.OwnDataProfile;

import java.net.URL;

/**
 * A hostile client driven by this service's own API document (test-support {@link ApiFuzz}): valid and broken
 * requests for every operation, with every role's token, seeded. No answer may be a 5xx, have an undocumented
 * status, or a body the document does not describe. Its own database and broker, since valid requests change data.
 */
@QuarkusTest
@TestProfile(ApiFuzzTest.OwnData.class)
class ApiFuzzTest {

    public static class OwnData extends OwnDataProfile {
        public OwnData() {
            super("appeals_fuzz");
        }
    }

    @TestHTTPResource("/")
    URL service;

    @Test
    void noAnswerIsAServerErrorOrOutsideTheDocument() {
        ApiFuzz.assertServiceKeepsItsDocument(service.getPort());
    }
}
