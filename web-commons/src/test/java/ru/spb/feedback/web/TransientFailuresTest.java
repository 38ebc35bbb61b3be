package ru.spb.feedback.web;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void aLostOrRefusedConnectionDeepInTheChainPasses() {
        RuntimeException wrapped = new RuntimeException("commit failed",
                new IllegalStateException("transaction", new SQLException("Connection refused", "08001")));
        assertThat(TransientFailures.isTransient(wrapped)).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("could not serialize", "40001"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("timeout"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(TransientFailures.isTransient(new TransientFailures.RetryLater("index not built"))).isTrue();
    }

    @Test
    void aStatementThatIsWrongOrAnyOtherBugDoesNot() {
        assertThat(TransientFailures.isTransient(new SQLException("value too long for type character varying(500)", "22001"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientFailures.isTransient(new RuntimeException("bug", new NullPointerException()))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("no state"))).isFalse();
    }
}
