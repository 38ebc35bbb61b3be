package ru.spb.feedback.web;

/**
 * The one rule for which characters a client's value may hold. NUL cannot be stored by PostgreSQL (a statement with
 * one fails), and the other C0 control characters and DEL are part of no name, code, id or text a citizen writes.
 * Free text (JSON string values) may hold tab, line feed and carriage return; path and query values hold none.
 */
public final class InputCharacters {

    public static final String MESSAGE = "must not contain control characters";

    private InputCharacters() {
    }

    /** Whether a path, query, header or form value holds a control character. */
    public static boolean inValue(String value) {
        return value != null && value.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }

    /** Whether free text holds a control character other than tab, line feed and carriage return. */
    public static boolean inText(String value) {
        return value != null && value.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F);
    }
}
