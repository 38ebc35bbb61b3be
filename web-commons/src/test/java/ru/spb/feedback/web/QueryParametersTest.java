package ru.spb.feedback.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParametersTest {

    @Test
    void flagsAreTrueOrFalseInAnyCaseAndAbsentIsNull() {
        assertThat(QueryParameters.flag("overdue", " TRUE ")).isTrue();
        assertThat(QueryParameters.flag("overdue", "false")).isFalse();
        assertThat(QueryParameters.flag("overdue", null)).isNull();
        assertThat(QueryParameters.flag("overdue", " ")).isNull();
        assertThatThrownBy(() -> QueryParameters.flag("overdue", "yes"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().violations()).extracting(Problem.Violation::field).containsExactly("overdue");
                });
    }

    @Test
    void wholeNumbersMustBeInRange() {
        assertThat(QueryParameters.wholeNumber("limit", " 500", 1, 500)).isEqualTo(500L);
        assertThat(QueryParameters.wholeNumber("limit", null, 1, 500)).isNull();
        for (String bad : new String[]{"0", "501", "1.5", "ten", "99999999999999999999"}) {
            assertThatThrownBy(() -> QueryParameters.wholeNumber("limit", bad, 1, 500))
                    .as(bad).isInstanceOfSatisfying(ProblemException.class, e ->
                            assertThat(e.problem().detail() + e.problem().violations()).contains("limit"));
        }
    }
}
