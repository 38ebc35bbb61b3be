package ru.spb.feedback.web;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.HashSet;
import java.util.Set;

/**
 * The one rule for "this failure passes by itself": the database is down, restarting, out of
 * connections, or the statement lost a lock race. A request that meets one is answered 503 with
 * Retry-After (never 500); a consumer that meets one waits and tries the same record again, for as
 * long as it takes, instead of counting it towards the dead-letter topic.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    /** Thrown by our own code for a condition that passes (e.g. a cache still being built at startup). */
    public static class RetryLater extends RuntimeException {
        public RetryLater(String message) {
            super(message);
        }
    }

    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof RetryLater || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && transientState(sql)) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (isTransient(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean transientState(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // the pool's own "Sorry, acquisition timeout!" carries no SQL state
            return e.getMessage() != null && e.getMessage().contains("acquisition timeout");
        }
        return state.startsWith("08")          // connection exception: refused, broken, reset
                || state.startsWith("57P")     // admin/crash shutdown, cannot connect now (starting up)
                || state.startsWith("53")      // insufficient resources: too many connections, out of memory
                || state.equals("40001")       // serialization failure
                || state.equals("40P01")       // deadlock detected
                || state.equals("55P03");      // lock not available
    }
}
