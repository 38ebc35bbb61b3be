package ru.spb.feedback.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.util.KeyUtils;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import ru.spb.feedback.devinfra.DevTokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** The local run's demo sign-in: real RS256 tokens the platform accepts, for the accounts of dev/demo-accounts.json only. */
@QuarkusTest
@TestProfile(DevSignInTest.LocalRun.class)
class DevSignInTest {

    public static class LocalRun implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "webapp.dev-sign-in.private-key-location", "../dev/jwt/private-key.pem",
                    "webapp.dev-sign-in.accounts-location", "../dev/demo-accounts.json",
                    "webapp.oidc.authority", "http://localhost:8180/realms/spb",
                    "webapp.tiles.url", "http://tiles.test:8099/{z}/{x}/{y}.png");
        }
    }

    @Test
    void listsTheDemoAccountsAndTheIdentityProvider() {
        given().get("/app/settings").then().statusCode(200)
                .body("signIn.demoAccounts", hasSize(5))
                .body("signIn.demoAccounts.subject", hasItems("demo-citizen", "demo-officer", "demo-moderator"))
                .body("signIn.demoAccounts.find { it.subject == 'demo-officer' }.role", equalTo("officer"))
                .body("signIn.oidc.authority", equalTo("http://localhost:8180/realms/spb"))
                .body("signIn.oidc.clientId", equalTo("feedback-app"))
                .body("tiles.url", equalTo("http://tiles.test:8099/{z}/{x}/{y}.png"));
    }

    @Test
    void thePagePolicyFollowsTheConfiguredTileServerAndIdentityProvider() {
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("img-src 'self' data: blob: http://tiles.test:8099;"))
                .header("Content-Security-Policy", containsString("connect-src 'self' http://localhost:8180;"));
    }

    @Test
    void signsATokenThePlatformVerifiesWithTheAccountsClaims() throws Exception {
        JsonPath answer = given().contentType(ContentType.JSON).body("{\"subject\": \"demo-officer\"}")
                .post("/app/dev-sign-in").then().statusCode(200).contentType(ContentType.JSON)
                .body("subject", equalTo("demo-officer")).body("role", equalTo("officer"))
                .extract().jsonPath();
        JsonWebToken token = parser().parse(answer.getString("token"));
        assertThat(token.getSubject()).isEqualTo("demo-officer");
        assertThat(token.getIssuer()).isEqualTo(DevTokens.ISSUER);
        assertThat(token.getGroups()).isEqualTo(Set.of("officer"));
        assertThat(token.<String>getClaim("organization")).isEqualTo("1123300");
        assertThat(Instant.ofEpochSecond(token.getExpirationTime()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(12)), within(Duration.ofMinutes(1)));
        // and the gateway itself lets it through to the service, unchanged
        given().header("Authorization", "Bearer " + answer.getString("token")).get("/api/v1/officer/appeals")
                .then().statusCode(200).body("upstream", equalTo("appeals"))
                .body("authorization", equalTo("Bearer " + answer.getString("token")));
    }

    @Test
    void aCitizensTokenCarriesTheNameAndEmailTheAppealsServiceUses() throws Exception {
        String token = given().contentType(ContentType.JSON).body("{\"subject\": \"demo-citizen\"}")
                .post("/app/dev-sign-in").then().statusCode(200).extract().path("token");
        JsonWebToken parsed = parser().parse(token);
        assertThat(parsed.getGroups()).isEqualTo(Set.of("citizen"));
        assertThat(parsed.<String>getClaim("email")).isEqualTo("demo-citizen@example.org");
        assertThat(parsed.<String>getClaim("name")).isEqualTo("Демо Житель");
    }

    @Test
    void refusesAnyoneButTheDemoAccounts() {
        given().contentType(ContentType.JSON).body("{\"subject\": \"root\"}").post("/app/dev-sign-in")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").post("/app/dev-sign-in")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("subject"));
        given().contentType(ContentType.JSON).body("{\"subject\": ").post("/app/dev-sign-in")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("demo-admin").post("/app/dev-sign-in")
                .then().statusCode(415).contentType("application/problem+json");
    }

    private static DefaultJWTParser parser() throws Exception {
        JWTAuthContextInfo context = new JWTAuthContextInfo(
                KeyUtils.decodePublicKey(Files.readString(Path.of("../dev/jwt/public-key.pem"))), DevTokens.ISSUER);
        return new DefaultJWTParser(context);
    }
}
