package ru.spb.feedback.notification.webhook;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import ru.spb.feedback.notification.config.NotificationConfig;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks from being aimed at the platform's own network (SSRF): only absolute HTTPS URLs
 * without credentials, whose host resolves, and only to public addresses. Checked when a
 * subscription is registered and again before every delivery (DNS may have changed since).
 * Private targets and plain HTTP can be allowed by configuration, for tests and local runs.
 */
@Singleton
public class TargetGuard {

    private final boolean allowPrivate;
    private final boolean allowPlainHttp;

    @Inject
    public TargetGuard(NotificationConfig config) {
        this(config.webhooks().allowPrivateTargets(), config.webhooks().allowPlainHttp());
    }

    public TargetGuard(boolean allowPrivate, boolean allowPlainHttp) {
        this.allowPrivate = allowPrivate;
        this.allowPlainHttp = allowPlainHttp;
    }

    /** Why the URL may not be a webhook target, or empty if it may. Never quotes the URL. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
            return Optional.of(allowPlainHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of("has a host that cannot be resolved");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    return Optional.of("must not point to a private, loopback, link-local or otherwise internal address");
                }
            }
        }
        return Optional.empty();
    }

    /** Addresses a webhook must never reach in production. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0                                     // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))    // benchmarking
                    || first >= 240;                              // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            return (first & 0xfe) == 0xfc                         // unique local fc00::/7
                    || (first == 0xfe && (bytes[1] & 0xc0) == 0xc0); // deprecated site-local fec0::/10
        }
        return false;
    }
}
