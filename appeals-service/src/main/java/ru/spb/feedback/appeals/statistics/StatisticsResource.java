package ru.spb.feedback.appeals.statistics;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.appeals.config.AppealsConfig;
import ru.spb.feedback.contracts.CityTime;
import ru.spb.feedback.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Public statistics for the Council of Municipalities and anyone else: how many appeals each
 * municipality received per problem type, how many it answered and how fast, how many are overdue,
 * how satisfied citizens were. Counts only what the public Open311 list shows, so the figures can
 * be checked against it. JSON, or CSV for spreadsheets.
 */
@Path("/api/v1/statistics")
@Tag(name = "Statistics", description = "Public figures per municipality and problem type")
public class StatisticsResource {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8.name());

    @Inject
    AppealStatistics statistics;

    @Inject
    AppealsConfig config;

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, StatisticsCsv.MEDIA_TYPE})
    @Operation(summary = "Statistics per municipality and problem type",
            description = "Public appeals (public problem types, not official, not rejected as spam) routed to a municipality and "
                    + "registered from `from` to `to` (city time, both included; default the last 90 days up to today, at most "
                    + "366 days). Rows by municipality name, then problem type name; municipalities' totals by name; the total. "
                    + "`format=csv` or `Accept: text/csv`: the rows as CSV (header of the field names, comma-separated).")
    @APIResponse(responseCode = "200", description = "The figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatisticsReport.class)),
            @Content(mediaType = StatisticsCsv.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "Malformed date, from after to, a range over 366 days, unknown format")
    public Response statistics(@Parameter(description = "First day, YYYY-MM-DD (Europe/Moscow)", example = "2026-09-08")
                               @QueryParam("from") String from,
                               @Parameter(description = "Last day, YYYY-MM-DD (Europe/Moscow); default today", example = "2026-12-06")
                               @QueryParam("to") String to,
                               @Parameter(description = "A municipality code (OSM id); unknown: no rows", example = "1123300")
                               @QueryParam("municipality") String municipality,
                               @Parameter(description = "A problem type code; unknown: no rows", example = "255")
                               @QueryParam("category") String category,
                               @Parameter(description = "json or csv; without it the Accept header decides")
                               @QueryParam("format") String format,
                               @Context HttpHeaders headers) {
        boolean csv = csv(format, headers);
        StatisticsQuery query = StatisticsQuery.read(from, to, municipality, category,
                LocalDate.now(CityTime.ZONE), config.statistics());
        StatisticsReport report = statistics.report(query);
        if (!csv) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(StatisticsCsv.of(report), CSV)
                .header("Content-Disposition", "attachment; filename=\"" + StatisticsCsv.fileName(report) + "\"")
                .build();
    }

    /** {@code format} wins; without it the client's most preferred of JSON and CSV (JSON for a wildcard). */
    private static boolean csv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.invalid("format", "must be json or csv");
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.valueOf(StatisticsCsv.MEDIA_TYPE))) {
                return true;
            }
        }
        return false;
    }
}
