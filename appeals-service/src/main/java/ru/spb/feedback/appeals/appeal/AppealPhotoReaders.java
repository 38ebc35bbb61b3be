package ru.spb.feedback.appeals.appeal;

import jakarta.enterprise.context.ApplicationScoped;
import ru.spb.feedback.appeals.upload.AppealReaders;
import ru.spb.feedback.web.Caller;

import java.util.UUID;

/** The appeal's readers ({@link AppealAccess#readableBy}) are the readers of its photos. */
@ApplicationScoped
public class AppealPhotoReaders implements AppealReaders {

    @Override
    public boolean mayRead(UUID appealId, Caller caller) {
        Appeal appeal = Appeal.findById(appealId);
        return appeal != null && AppealAccess.readableBy(appeal, caller);
    }
}
