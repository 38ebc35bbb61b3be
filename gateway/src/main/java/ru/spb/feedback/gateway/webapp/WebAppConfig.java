package ru.spb.feedback.gateway.webapp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/** The web app the gateway serves at {@code /}: its map tiles and how people sign in. */
@ConfigMapping(prefix = "webapp")
public interface WebAppConfig {

    /** Map tiles (Leaflet URL template); the page's Content-Security-Policy allows images from this origin. */
    Tiles tiles();

    /** The identity provider for the OIDC authorization-code flow with PKCE (a public client). */
    Oidc oidc();

    /** Signing in as a demo account without an identity provider: the local run only. */
    DevSignIn devSignIn();

    interface Tiles {
        @WithDefault("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
        String url();

        @WithDefault("© участники OpenStreetMap")
        String attribution();
    }

    interface Oidc {
        /** The realm's issuer URL, e.g. {@code http://localhost:8180/realms/spb}; unset: no OIDC sign-in. */
        Optional<String> authority();

        @WithDefault("feedback-app")
        String clientId();
    }

    interface DevSignIn {
        /**
         * The dev private key that signs demo tokens ({@code dev/jwt/private-key.pem}). Unset everywhere but the
         * local run: then {@code POST /app/dev-sign-in} answers 404 and no one can mint a token through the gateway.
         */
        Optional<Path> privateKeyLocation();

        /** The demo accounts one may sign in as ({@code dev/demo-accounts.json}). */
        Optional<Path> accountsLocation();
    }
}
