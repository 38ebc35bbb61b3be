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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads appeals for the people allowed to see them. */
@ApplicationScoped
public class AppealQueries {

    @Inject
    CategoryCatalog catalog;

    /** The caller's own appeal; anyone else's is "not found", so its existence is not confirmed. */
    public AppealView ownAppeal(String citizenId, UUID id) {
        return view(AppealAccess.ofAuthor(id, citizenId), Viewer.AUTHOR);
    }

    public List<HistoryEntryView> ownHistory(String citizenId, UUID id) {
        return history(AppealAccess.ofAuthor(id, citizenId));
    }

    /** One appeal as the viewer sees it, with its answers and the latest rating. */
    public AppealView view(Appeal appeal, Viewer viewer) {
        return AppealView.of(appeal, catalog.get(appeal.categoryCode).name, viewer, true);
    }

    /** A page of appeals as the viewer sees them; names and photos are read once for the whole page. */
    public List<AppealView> views(List<Appeal> appeals, Viewer viewer) {
        Map<String, String> names = catalog.names(appeals.stream().map(appeal -> appeal.categoryCode).collect(Collectors.toSet()));
        Map<UUID, List<UUID>> photos = Uploads.appealPhotosOf(appeals.stream().map(appeal -> appeal.id).toList());
        return appeals.stream().map(appeal -> AppealView.of(appeal, names.get(appeal.categoryCode), viewer, false,
                photos.getOrDefault(appeal.id, List.of()))).toList();
    }

    public List<HistoryEntryView> history(Appeal appeal) {
        return AppealStatusChange.of(appeal.id).stream().map(HistoryEntryView::of).toList();
    }

    /** The caller's appeals, newest first. */
    public PageView<AppealView> ownAppeals(String citizenId, AppealStatus status, int page, int size) {
        PanacheQuery<Appeal> query = status == null
                ? Appeal.find("citizenId = :citizen", Sort.descending("registeredAt", "id"), Parameters.with("citizen", citizenId))
                : Appeal.find("citizenId = :citizen and status = :status", Sort.descending("registeredAt", "id"),
                        Parameters.with("citizen", citizenId).and("status", status));
        return PageView.of(views(query.page(Page.of(page, size)).list(), Viewer.AUTHOR), page, size, query.count());
    }

    /** Appeals city-wide for moderators and admins, oldest first: of these statuses, optionally of one municipality. */
    public PageView<AppealView> cityWide(Set<AppealStatus> statuses, String municipality, int page, int size, Viewer viewer) {
        Parameters parameters = Parameters.with("statuses", statuses);
        String where = "status in :statuses";
        if (municipality != null && !municipality.isBlank()) {
            where += " and municipalityCode = :municipality";
            parameters.and("municipality", municipality.trim());
        }
        PanacheQuery<Appeal> query = Appeal.find(where, Sort.ascending("registeredAt", "id"), parameters);
        return PageView.of(views(query.page(Page.of(page, size)).list(), viewer), page, size, query.count());
    }
}
