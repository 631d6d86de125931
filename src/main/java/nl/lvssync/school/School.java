package nl.lvssync.school;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.lvssync.verzuim.Eenheid;
import nl.lvssync.verzuim.Verdict;
import nl.lvssync.verzuim.kalender.Regio;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** One school as configured under {@code lvs-sync.schools}. */
public record School(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be a BRIN + vestiging code (letters, digits, - or _)") String id,
        String name,
        @NotNull Lvs lvs,
        String baseUrl,
        @Valid Auth auth,
        @Valid Magister magister,
        @DefaultValue("NOORD") Regio region,
        List<@Valid Holiday> holidays,
        @DefaultValue("LESSON_PERIODS") Eenheid unit,
        Map<String, Verdict> codes,
        @DefaultValue("0 0 2 * * ?") String schedule,
        List<@Valid Coordinator> coordinators,
        @DefaultValue("36") int staleAfterHours,
        @DefaultValue("6") int windowLesweken,
        Map<String, Object> rules,
        @Valid QuietHours quietHours) {

    public School {
        name = name == null || name.isBlank() ? id : name;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        codes = codes == null ? Map.of() : Map.copyOf(codes);
        coordinators = coordinators == null ? List.of() : List.copyOf(coordinators);
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        auth = auth == null ? new Auth(null, null, null, null) : auth;
        magister = magister == null ? new Magister(null, null, null, null, null, null) : magister;
        quietHours = quietHours == null ? QuietHours.DEFAULT : quietHours;
    }

    public record Auth(String tokenUrl, String clientId, String clientSecret, String organisation) {
    }

    /**
     * Magister-only settings: the Webservices host that serves the GetData student list, its layout's columns where
     * they differ from ours, and its encoding ({@code auto}: UTF-8 if it decodes as such, else Windows-1252;
     * {@code ANSI} or {@code windows-1252}; {@code UTF-8}).
     */
    public record Magister(String webservicesUrl, String webservicesUser, String webservicesPassword,
                           String studentLayout, Map<String, String> columns, String encoding) {
        public Magister {
            studentLayout = studentLayout == null || studentLayout.isBlank() ? "LVS-Sync-Leerlingen" : studentLayout;
            columns = columns == null ? Map.of() : Map.copyOf(columns);
            encoding = encoding == null || encoding.isBlank() ? "auto" : encoding.strip();
        }
    }

    /** A school's own holiday or day off (from == to), overriding or adding to the regional table. */
    public record Holiday(@NotBlank String name, @NotNull LocalDate from, @NotNull LocalDate to) {
    }

    /**
     * A verzuimcoördinator (absence coordinator) who receives the school's alerts; optionally only for some
     * locations or classes (class names or prefixes ending in '*', e.g. "1*").
     */
    public record Coordinator(String name, String email, String username, String webhook, String webhookSecret,
                              @DefaultValue("GENERIC") WebhookFormat webhookFormat,
                              List<String> locations, List<String> classes) {
        public Coordinator {
            locations = locations == null ? List.of() : List.copyOf(locations);
            classes = classes == null ? List.of() : List.copyOf(classes);
        }
    }

    /** No notifications are sent between from and to (local time); queued events go out at to. */
    public record QuietHours(java.time.LocalTime from, java.time.LocalTime to) {
        public static final QuietHours DEFAULT = new QuietHours(java.time.LocalTime.of(22, 0), java.time.LocalTime.of(7, 0));
    }

    public enum WebhookFormat { GENERIC, TEAMS, SLACK }
}
