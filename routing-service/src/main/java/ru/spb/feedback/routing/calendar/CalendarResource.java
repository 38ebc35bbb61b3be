package ru.spb.feedback.routing.calendar;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ru.spb.feedback.calendar.CalendarYear;
import ru.spb.feedback.calendar.DueDate;
import ru.spb.feedback.calendar.ProductionCalendar;
import ru.spb.feedback.contracts.CityTime;
import ru.spb.feedback.web.Caller;
import ru.spb.feedback.web.ProblemException;
import ru.spb.feedback.web.Roles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

@Path("/api/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "The production calendar and appeal deadlines")
public class CalendarResource {

    @Inject
    Deadlines deadlines;

    @Inject
    Caller caller;

    @Schema(name = "DueDate")
    public record DueDateView(Instant from, Integer workingDays, Integer calendarDays,
                              @Schema(description = "Last day on time, Europe/Moscow", examples = "2027-01-18") LocalDate dueDate,
                              @Schema(description = "End of that day", examples = "2027-01-18T20:59:59Z") Instant dueAt,
                              @Schema(description = "The count passed a year the calendar does not know (Monday–Friday assumed)") boolean estimated) {
    }

    @Schema(name = "CalendarYear")
    public record YearView(int year, int workingDays, Set<LocalDate> weekdaysOff, Set<LocalDate> weekendWorkdays) {
        static YearView of(CalendarYear year) {
            return new YearView(year.year(), year.workingDayCount(), year.weekdaysOff(), year.weekendWorkdays());
        }
    }

    /** A year as the government publishes it: the exceptions to the Monday–Friday week. */
    @Schema(name = "CalendarYearUpload")
    public record YearUpload(
            @NotNull @Size(max = 120) @Schema(description = "Monday–Friday dates that are days off (holidays, transferred days off)", required = true)
            List<LocalDate> weekdaysOff,
            @NotNull @Size(max = 60) @Schema(description = "Saturdays and Sundays that are worked", required = true)
            List<LocalDate> weekendWorkdays) {
    }

    @GET
    @Path("/due-date")
    @PermitAll
    @Operation(summary = "When an appeal registered at `from` is due",
            description = "Give workingDays (the problem type's deadline: counted from the day after registration) "
                    + "or calendarDays (59-ФЗ: moved to the next working day if the last day is off). "
                    + "from: an ISO date-time with offset, or a local date-time or date in Europe/Moscow.")
    @APIResponse(responseCode = "200", description = "The due date")
    @APIResponse(responseCode = "400", description = "Missing or unreadable parameters")
    public DueDateView dueDate(
            @Parameter(example = "2026-12-25T15:00:00+03:00") @QueryParam("from") String from,
            @QueryParam("workingDays") @Min(1) @Max(365) Integer workingDays,
            @QueryParam("calendarDays") @Min(1) @Max(365) Integer calendarDays) {
        if ((workingDays == null) == (calendarDays == null)) {
            throw ProblemException.invalid("workingDays", "give exactly one of workingDays and calendarDays");
        }
        Instant start = parseFrom(from);
        ProductionCalendar calendar = deadlines.calendar();
        DueDate due = workingDays != null
                ? calendar.dueInWorkingDays(start, workingDays)
                : calendar.dueInCalendarDays(start, calendarDays);
        return new DueDateView(start, workingDays, calendarDays, due.date(), due.at(), due.estimated());
    }

    @GET
    @Path("/years")
    @PermitAll
    @Operation(summary = "The years the calendar knows, with their days off and worked weekend days")
    public List<YearView> years() {
        ProductionCalendar calendar = deadlines.calendar();
        return calendar.knownYears().stream().map(year -> YearView.of(calendar.year(year).orElseThrow())).toList();
    }

    @PUT
    @Path("/years/{year}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Load or correct a year (admin)", description = "Every copy of the service uses it within routing.refresh-interval.")
    @APIResponse(responseCode = "200", description = "The year as now known")
    @APIResponse(responseCode = "400", description = "Dates outside the year or on the wrong kind of day")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public YearView load(@PathParam("year") @Min(2000) @Max(2100) int year, @NotNull @Valid YearUpload upload) {
        try {
            return YearView.of(deadlines.load(year, upload.weekdaysOff(), upload.weekendWorkdays(), caller.id()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("weekdaysOff", e.getMessage());
        }
    }

    private static Instant parseFrom(String from) {
        if (from == null || from.isBlank()) {
            throw ProblemException.invalid("from", "is required: the registration time");
        }
        String text = from.trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(CityTime.ZONE).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(CityTime.ZONE).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw ProblemException.invalid("from", "must be an ISO date-time (2026-12-25T15:00:00+03:00) or date (2026-12-25)");
                }
            }
        }
    }
}
