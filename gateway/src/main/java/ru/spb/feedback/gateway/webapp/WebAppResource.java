package ru.spb.feedback.gateway.webapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.web.ProblemException;

import java.time.Instant;
import java.util.List;

/**
 * What the web app asks the gateway before it starts: how to sign in and where the map tiles come from; and, in
 * the local run only, a token for a demo account.
 */
@Path("/app")
@Tag(name = "Web app", description = "Settings of the web app served at /")
public class WebAppResource {

    private final WebAppConfig config;
    private final DemoAccounts demo;

    WebAppResource(WebAppConfig config, DemoAccounts demo) {
        this.config = config;
        this.demo = demo;
    }

    /** The web app's settings. */
    public record Settings(SignIn signIn, Tiles tiles) {
    }

    /**
     * @param demoAccounts who one may sign in as without an identity provider (the local run), else empty
     * @param oidc         the identity provider for the code flow with PKCE, or null
     */
    public record SignIn(List<DemoAccount> demoAccounts, Oidc oidc) {
    }

    public record DemoAccount(String subject, String role, String label) {
    }

    public record Oidc(String authority, String clientId) {
    }

    public record Tiles(String url, String attribution) {
    }

    public record DevSignInRequest(@NotBlank @Size(max = 100) String subject) {
    }

    public record DevToken(String token, Instant expiresAt, String subject, String role) {
    }

    @GET
    @Path("/settings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How the web app signs people in and which map tiles it shows")
    @APIResponse(responseCode = "200", description = "The settings")
    public Settings settings() {
        List<DemoAccount> accounts = demo.accounts().stream()
                .map(account -> new DemoAccount(account.subject(), account.role(), account.label())).toList();
        Oidc oidc = config.oidc().authority().map(authority -> new Oidc(authority, config.oidc().clientId())).orElse(null);
        return new Settings(new SignIn(accounts, oidc), new Tiles(config.tiles().url(), config.tiles().attribution()));
    }

    @POST
    @Path("/dev-sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A token for a demo account (local run only)",
            description = "Only when the gateway is given the dev key (webapp.dev-sign-in.*), as `./platform run` does.")
    @APIResponse(responseCode = "200", description = "A signed token, valid 12 h")
    @APIResponse(responseCode = "400", description = "No subject")
    @APIResponse(responseCode = "404", description = "Dev sign-in is off here, or no such demo account")
    public DevToken devSignIn(@NotNull @Valid DevSignInRequest request) {
        if (!demo.enabled()) {
            throw ProblemException.notFound("dev sign-in");
        }
        DemoAccounts.Account account = demo.find(request.subject())
                .orElseThrow(() -> ProblemException.notFound("demo account " + request.subject()));
        return new DevToken(demo.sign(account), Instant.now().plus(DemoAccounts.LIFETIME), account.subject(), account.role());
    }
}
