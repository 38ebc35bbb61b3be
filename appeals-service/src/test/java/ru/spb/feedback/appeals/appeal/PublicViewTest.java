package ru.spb.feedback.appeals.appeal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The public view's point rule on its own (the address rule: event-contracts' PublicAddressTest). */
class PublicViewTest {

    @Test
    void pointsAreRoundedToThreeDecimals() {
        assertThat(PublicView.rounded(59.93754)).isEqualTo(59.938);
        assertThat(PublicView.rounded(30.30849)).isEqualTo(30.308);
        assertThat(PublicView.rounded(null)).isNull();
    }

    @Test
    void theDescriptionIsNeverPublic() {
        Appeal appeal = new Appeal();
        appeal.description = "Иван Петров, кв. 12, тел. +7 812 555-01-01";
        appeal.address = "ул. Садовая, д. 5";
        appeal.lat = 59.9375;
        appeal.lon = 30.3086;
        assertThat(PublicView.of(appeal)).isEqualTo(new PublicView(59.938, 30.309, "ул. Садовая", null));
    }
}
