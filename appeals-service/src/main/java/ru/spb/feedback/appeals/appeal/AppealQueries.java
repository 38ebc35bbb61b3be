package ru.spb.feedback.appeals.appeal;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ru.spb.feedback.appeals.category.CategoryCatalog;
import ru.spb.feedback.appeals.upload.Uploads;
import ru.spb.feedback.contracts.AppealStatus;
import ru.spb.feedback.web.PageView;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads appeals for the people allowed to see them. */
@ApplicationScoped
public class AppealQueries {

    @Inject
    CategoryCatalog catalog;

    /** The caller's own appeal; anyone else's is "not found", so its existence is not confirmed. */
    public AppealView ownAppeal(String citizenId, UUID id) {
        Appeal appeal = owned(citizenId, id);
        return AppealView.of(appeal, catalog.get(appeal.categoryCode).name, Viewer.AUTHOR, true);
    }

    public List<HistoryEntryView> ownHistory(String citizenId, UUID id) {
        owned(citizenId, id);
        return AppealStatusChange.of(id).stream().map(HistoryEntryView::of).toList();
    }

    /** The caller's appeals, newest first. */
    public PageView<AppealView> ownAppeals(String citizenId, AppealStatus status, int page, int size) {
        PanacheQuery<Appeal> query = status == null
                ? Appeal.find("citizenId = :citizen", Sort.descending("registeredAt", "id"), Parameters.with("citizen", citizenId))
                : Appeal.find("citizenId = :citizen and status = :status", Sort.descending("registeredAt", "id"),
                        Parameters.with("citizen", citizenId).and("status", status));
        List<Appeal> appeals = query.page(Page.of(page, size)).list();
        Map<String, String> names = catalog.names(appeals.stream().map(appeal -> appeal.categoryCode).collect(Collectors.toSet()));
        Map<UUID, List<UUID>> photos = Uploads.appealPhotosOf(appeals.stream().map(appeal -> appeal.id).toList());
        return PageView.of(appeals.stream()
                        .map(appeal -> AppealView.of(appeal, names.get(appeal.categoryCode), Viewer.AUTHOR, false,
                                photos.getOrDefault(appeal.id, List.of())))
                        .toList(),
                page, size, query.count());
    }

    private static Appeal owned(String citizenId, UUID id) {
        return AppealAccess.ofAuthor(id, citizenId);
    }
}
