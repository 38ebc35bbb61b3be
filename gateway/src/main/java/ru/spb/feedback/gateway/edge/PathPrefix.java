package ru.spb.feedback.gateway.edge;

/** A path prefix that matches itself and what lies below it, never a longer sibling ({@code /api/v1/appealsx}). */
record PathPrefix(String value) {

    PathPrefix {
        if (!value.startsWith("/")) {
            throw new IllegalArgumentException("a path prefix starts with '/': " + value);
        }
        value = value.endsWith("/") && value.length() > 1 ? value.substring(0, value.length() - 1) : value;
    }

    boolean matches(String path) {
        return path.startsWith(value) && (path.length() == value.length() || path.charAt(value.length()) == '/');
    }
}
