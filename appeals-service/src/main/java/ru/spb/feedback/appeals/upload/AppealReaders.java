package ru.spb.feedback.appeals.upload;

import ru.spb.feedback.web.Caller;

import java.util.UUID;

/**
 * Who may read an appeal: an attached photo is shown to the same people. The appeal package
 * implements it, so uploads need not know appeals (the appeal package depends on uploads).
 */
public interface AppealReaders {

    /** Whether the caller may read the appeal; false for an appeal that does not exist. */
    boolean mayRead(UUID appealId, Caller caller);
}
