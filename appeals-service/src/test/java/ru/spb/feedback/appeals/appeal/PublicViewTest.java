package ru.spb.feedback.appeals.appeal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The public view's rules on their own: addresses cut to the street, points rounded. */
class PublicViewTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ул. Садовая, д. 5                                   | ул. Садовая",
            "Невский пр., 28                                     | Невский пр.",
            "наб. реки Мойки, 12 к2                              | наб. реки Мойки",
            "Адмиралтейский пр., 1                               | Адмиралтейский пр.",
            "Садовая ул., 50, Санкт-Петербург                    | Садовая ул.",
            "пр. Стачек 47                                       | пр. Стачек",
            "Лиговский пр. д.10 кв. 4                            | Лиговский пр.",
            "ул. 8-я Советская, 5/2, лит. А                      | ул. 8-я Советская",
            "5-я линия В.О., дом 20, корп. 1                     | 5-я линия В.О.",
            "190000, Санкт-Петербург, ул. Садовая, д. 5, кв. 12  | Санкт-Петербург, ул. Садовая",
            "г. Санкт-Петербург, Литейный пр., 28А               | г. Санкт-Петербург, Литейный пр.",
            "Московский пр., 12, корпус 3, кв. 45                | Московский пр.",
            "Кронверкский пр.                                    | Кронверкский пр."})
    void anAddressIsCutToItsStreet(String address, String street) {
        assertThat(PublicView.street(address)).isEqualTo(street);
    }

    @Test
    void nothingLeftOfAnAddressIsNull() {
        assertThat(PublicView.street("12 к2")).isNull();
        assertThat(PublicView.street(null)).isNull();
    }

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
