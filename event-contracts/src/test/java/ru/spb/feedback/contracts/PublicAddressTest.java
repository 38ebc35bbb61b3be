package ru.spb.feedback.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The public address rule: an address is cut to its street. */
class PublicAddressTest {

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
        assertThat(PublicAddress.street(address)).isEqualTo(street);
    }

    @Test
    void nothingLeftOfAnAddressIsNull() {
        assertThat(PublicAddress.street("12 к2")).isNull();
        assertThat(PublicAddress.street(null)).isNull();
    }
}
