package nl.lvssync.alert;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An alert as the API and notifications show it (service-contract.md), plus what explains it. An absence alert (R1,
 * R2, R4, R5) of a student with an OPP carries that plan's arrangement and coach ({@code opp}, O4): shown with the
 * alert, never sent in a notification (only that the student has one, for LRV). The contract's fields are always
 * there, null when an alert has none; the others only when they have one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(@JsonInclude(ALWAYS) String id, @JsonInclude(ALWAYS) String school,
                        @JsonInclude(ALWAYS) Student student, @JsonInclude(ALWAYS) String rule, String signal,
                        @JsonInclude(ALWAYS) LocalDate startDate, @JsonInclude(ALWAYS) LocalDate endDate,
                        @JsonInclude(ALWAYS) Double hours, @JsonInclude(ALWAYS) LocalDate deadline,
                        @JsonInclude(ALWAYS) String status, boolean incomplete,
                        boolean statusUnknown, boolean overdue, Window window, Integer verzuimdagen,
                        Boolean allLessonsMissed, String explanation, @JsonInclude(ALWAYS) OffsetDateTime createdAt,
                        @JsonInclude(ALWAYS) OffsetDateTime updatedAt, Opp opp) {

    /** The student's current OPP (O4): its plan and version, status, support arrangement and coach. */
    public record Opp(String planId, Integer versie, String status, String arrangement, String coach) {
    }

    /** The student, with the least data a coordinator needs to act: no BSN here. */
    @JsonInclude(ALWAYS)
    public record Student(String lvsId, String name, @com.fasterxml.jackson.annotation.JsonProperty("class") String klas) {
    }

    /** The counted window, both days inclusive. */
    public record Window(LocalDate from, LocalDate to) {
    }
}
