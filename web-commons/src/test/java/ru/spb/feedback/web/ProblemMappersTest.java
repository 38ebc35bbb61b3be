package ru.spb.feedback.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Violations name the field as a client wrote it in JSON or the query, whatever the nesting. */
class ProblemMappersTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    record Point(@NotNull Double lat) {
    }

    record Item(@NotBlank String name) {
    }

    record Request(@NotNull @Valid Point location, List<@NotBlank String> codes, List<@Valid Item> items) {
    }

    static class Resource {
        public void submit(@Valid Request request) {
        }

        public void list(@Min(1) int size) {
        }
    }

    @Test
    void namesNestedFieldsOfABodyWithoutMethodAndParameter() throws Exception {
        assertThat(fields("submit", new Request(new Point(null), List.of(), List.of()))).containsExactly("location.lat");
    }

    @Test
    void namesElementsOfLists() throws Exception {
        assertThat(fields("submit", new Request(new Point(1.0), List.of("a", " "), List.of()))).containsExactly("codes[1]");
        assertThat(fields("submit", new Request(new Point(1.0), List.of(), List.of(new Item("x"), new Item("")))))
                .containsExactly("items[1].name");
    }

    @Test
    void namesAQueryParameterByItsName() throws Exception {
        Method list = Resource.class.getMethod("list", int.class);
        Set<ConstraintViolation<Resource>> violations = VALIDATOR.forExecutables().validateParameters(new Resource(), list, new Object[] {0});
        assertThat(violations).extracting(ProblemMappers::fieldOf).containsExactly("size");
    }

    private static List<String> fields(String method, Request request) throws Exception {
        Method submit = Resource.class.getMethod(method, Request.class);
        return VALIDATOR.forExecutables().validateParameters(new Resource(), submit, new Object[] {request}).stream()
                .map(ProblemMappers::fieldOf).toList();
    }
}
