package ru.spb.feedback.notification.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored and logged errors never carry an e-mail address. */
class ErrorTextTest {

    @Test
    void blanksOutAddressesAndKeepsTheRest() {
        assertThat(ErrorText.of(new IllegalStateException("550 5.1.1 <anna.smirnova@example.org>: Recipient address rejected")))
                .isEqualTo("IllegalStateException: 550 5.1.1 <<redacted>>: Recipient address rejected");
        assertThat(ErrorText.of("x".repeat(600))).hasSize(500);
    }
}
