package ru.spb.feedback.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every JSON string a service reads through its ObjectMapper is checked by {@link InputCharacters#inText}: a request
 * body with NUL or another control character in a field is a 400 naming the field (the JSON mappers in
 * ProblemMappers), not a failing statement. Stored data was written through the same check.
 */
@Singleton
public class TextDeserializer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("input-characters").addDeserializer(String.class, new CheckedString()));
    }

    static final class CheckedString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (InputCharacters.inText(value)) {
                // the value is the client's: the message names the rule, never the value
                throw new InvalidFormatException(parser, InputCharacters.MESSAGE, null, String.class);
            }
            return value;
        }
    }
}
