package ru.spb.feedback.notification.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SSRF guard as production configures it: HTTPS to public addresses only. */
class TargetGuardTest {

    private final TargetGuard production = new TargetGuard(false, false);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://localhost/hook", "https://10.1.2.3/hook", "https://172.16.0.1/hook",
            "https://192.168.1.10/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
            "https://[fe80::1]/hook", "https://[fc00::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
            "https://[::ffff:10.0.0.1]/hook", "https://224.0.0.1/hook", "https://255.255.255.255/hook"})
    void refusesInternalAddresses(String url) {
        assertThat(production.refusal(url)).contains("must not point to a private, loopback, link-local or otherwise internal address");
    }

    @Test
    void acceptsHttpsToAPublicAddress() {
        assertThat(production.refusal("https://93.184.216.34/hooks?x=1")).isEmpty();
        assertThat(production.refusal("https://[2001:4860:4860::8888]/hooks")).isEmpty();
    }

    @Test
    void refusesPlainHttpCredentialsFragmentsAndGarbage() {
        assertThat(production.refusal("http://93.184.216.34/hook")).contains("must be an https URL");
        assertThat(production.refusal("https://user:secret@93.184.216.34/hook")).contains("must not contain credentials");
        assertThat(production.refusal("https://93.184.216.34/hook#part")).contains("must not contain a fragment");
        assertThat(production.refusal("not a url")).isPresent();
        assertThat(production.refusal("https:///nohost")).contains("must name a host");
        assertThat(production.refusal("https://no-such-host.invalid/hook")).contains("has a host that cannot be resolved");
    }

    @Test
    void testsAndLocalRunsMayAllowPrivateTargetsAndHttp() {
        TargetGuard local = new TargetGuard(true, true);
        assertThat(local.refusal("http://127.0.0.1:8099/hook")).isEmpty();
        assertThat(new TargetGuard(true, false).refusal("http://127.0.0.1:8099/hook")).contains("must be an https URL");
        assertThat(new TargetGuard(false, true).refusal("http://127.0.0.1:8099/hook")).isPresent();
    }
}
