package ru.spb.feedback.routing.triage;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import ru.spb.feedback.routing.decision.RoutingDecline;
import ru.spb.feedback.routing.decision.RoutingRequest;
import ru.spb.feedback.routing.triage.TriageResource.TriageItem;
import ru.spb.feedback.web.PageView;

import java.util.Arrays;
import java.util.List;

/** The appeals routing could not place, oldest first, with what intake recorded and who declined them. */
@ApplicationScoped
public class TriageQueue {

    public PageView<TriageItem> page(int page, int size) {
        var query = RoutingRequest.<RoutingRequest>find("status", Sort.ascending("triagedAt", "appealId"), RoutingRequest.Status.TRIAGE);
        List<TriageItem> items = query.page(Page.of(page, size)).list().stream().map(TriageQueue::item).toList();
        return PageView.of(items, page, size, query.count());
    }

    private static TriageItem item(RoutingRequest request) {
        List<String> hints = request.triageHints == null || request.triageHints.isBlank()
                ? List.of() : Arrays.asList(request.triageHints.split("\n"));
        List<String> declined = RoutingDecline.<RoutingDecline>list("key.appealId", request.appealId).stream()
                .map(decline -> decline.key.organizationCode()).sorted().toList();
        return new TriageItem(request.appealId, request.appealNumber, request.categoryCode, request.categoryName,
                request.description, request.lat, request.lon, request.address, request.official, request.registeredAt,
                request.triageReason, request.triageDetail, hints, declined, request.triagedAt);
    }
}
