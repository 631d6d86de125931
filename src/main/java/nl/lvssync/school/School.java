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
        @Valid QuietHours quietHours,
        @Valid Somtoday somtoday,
        @Valid Csv csv,
        @DefaultValue("MAGISTER") Lvs simulates,
        @Valid Opp opp,
        @Valid LvsLimits lvsLimits) {

    public School {
        name = name == null || name.isBlank() ? id : name;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        codes = codes == null ? Map.of() : Map.copyOf(codes);
        coordinators = coordinators == null ? List.of() : List.copyOf(coordinators);
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        auth = auth == null ? new Auth(null, null, null, null) : auth;
        magister = magister == null ? new Magister(null, null, null, null, null, null) : magister;
        quietHours = quietHours == null ? QuietHours.DEFAULT : quietHours;
        somtoday = somtoday == null ? new Somtoday(null, 0, 0) : somtoday;
        csv = csv == null ? new Csv(null, null, null, null, null, null) : csv;
        simulates = simulates == null || simulates == Lvs.SIMULATOR ? Lvs.MAGISTER : simulates;
        opp = opp == null ? new Opp(null, null, null, null, null, null, null, null, false, null) : opp;
        lvsLimits = lvsLimits == null ? new LvsLimits(null, null, null) : lvsLimits;
    }

    /** The kind of LVS whose shapes this school's data come in: for {@code lvs: simulator}, the kind it simulates. */
    public Lvs kind() {
        return lvs == Lvs.SIMULATOR ? simulates : lvs;
    }

    /** The watched folder of a CSV school: {@code csv.folder}, by default {@code ./data/csv/<id>}. */
    public java.nio.file.Path csvFolder() {
        return (csv.folder() != null ? java.nio.file.Path.of(csv.folder()) : java.nio.file.Path.of("data", "csv", id))
                .toAbsolutePath().normalize();
    }

    /**
     * Where this school's OPP export arrives: {@code opp.folder}; else a CSV school's own folder (the OPP export beside
     * the others); else, for a school that configures who needs an OPP, {@code ./data/opp/<id>}; else nowhere.
     */
    public java.util.Optional<java.nio.file.Path> oppFolder() {
        if (opp.folder() != null) {
            return java.util.Optional.of(java.nio.file.Path.of(opp.folder()).toAbsolutePath().normalize());
        }
        if (kind() == Lvs.CSV) {
            return java.util.Optional.of(csvFolder());
        }
        return opp.requiredWhen().configured()
                ? java.util.Optional.of(java.nio.file.Path.of("data", "opp", id).toAbsolutePath().normalize())
                : java.util.Optional.empty();
    }

    /** Whether the built-in simulator serves this school ({@code lvs: simulator}, with {@code simulates: …}). */
    public boolean simulated() {
        return lvs == Lvs.SIMULATOR;
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

    /**
     * Somtoday-only settings ({@code auth.organisation} is the instelling UUID): the vestiging (branch) whose students
     * are read, and page sizes (at most 100 for the Range-paged lists, 200 for the students).
     */
    public record Somtoday(String vestiging, int pageSize, int studentPageSize) {
        public Somtoday {
            vestiging = vestiging == null || vestiging.isBlank() ? null : vestiging.strip();
            pageSize = pageSize <= 0 ? 100 : Math.min(pageSize, 100);
            studentPageSize = studentPageSize <= 0 ? 200 : Math.min(studentPageSize, 200);
        }
    }

    /**
     * CSV-only settings: the watched folder (done/ and error/ are made inside it), the columns per file kind where
     * they differ from the defaults ({@code students}, {@code absences}, {@code lessons}: our field -> their column),
     * how long a file must be unchanged before it is read, an optional done-file convention ({@code {name}.done} or
     * {@code {name.noext}.ready}: the file is read once that file is there), and an optional SFTP drop that is copied
     * into the folder.
     */
    public record Csv(String folder, Map<String, Map<String, String>> columns, java.time.Duration minAge,
                      String doneFile, String encoding, Sftp sftp) {
        public Csv {
            folder = folder == null || folder.isBlank() ? null : folder.strip();
            columns = columns == null ? Map.of() : Map.copyOf(columns);
            minAge = minAge == null ? java.time.Duration.ofSeconds(5) : minAge;
            doneFile = doneFile == null || doneFile.isBlank() ? null : doneFile.strip();
            encoding = encoding == null || encoding.isBlank() ? "auto" : encoding.strip();
        }
    }

    /**
     * OPP (ontwikkelingsperspectiefplan, a student's development plan) settings: which students need one
     * ({@code required-when}), what the arrangement codes of their enrolment mean ({@code arrangement-codes}, e.g.
     * {@code TOP: "TOP groep"}), and where the OPP export arrives: its folder, the columns where they differ from the
     * defaults (our column -> theirs), min-age, done-file, encoding and an SFTP drop as for CSV exports. By law the
     * 6 weeks to set a plan run on through holidays; {@code holidays-extend-deadline: true} counts only lesweken.
     * {@code optional-contents} names O3 contents this school's plans may leave empty (e.g. {@code vakkenpakket} in
     * an arbeid profile), each a choice the school makes, not the service.
     */
    public record Opp(RequiredWhen requiredWhen, Map<String, String> arrangementCodes, String folder,
                      Map<String, String> columns, java.time.Duration minAge, String doneFile, String encoding, Sftp sftp,
                      boolean holidaysExtendDeadline, List<String> optionalContents) {
        public Opp {
            requiredWhen = requiredWhen == null ? new RequiredWhen(false, null, null, null, null, null) : requiredWhen;
            arrangementCodes = arrangementCodes == null ? Map.of() : Map.copyOf(arrangementCodes);
            folder = folder == null || folder.isBlank() ? null : folder.strip();
            columns = columns == null ? Map.of() : Map.copyOf(columns);
            minAge = minAge == null ? java.time.Duration.ofSeconds(5) : minAge;
            doneFile = doneFile == null || doneFile.isBlank() ? null : doneFile.strip();
            encoding = encoding == null || encoding.isBlank() ? "auto" : encoding.strip();
            optionalContents = optionalContents == null ? List.of() : List.copyOf(optionalContents);
        }
    }

    /**
     * Which students need an OPP, from their enrolment: {@code all: true} (VSO: every student), or any of the studies
     * ({@code studie}, Somtoday's {@code opleiding}), groups ({@code groep}/{@code klas}) or profile codes
     * ({@code profiel}: Profiel or Profiel2). A value matches case-insensitively, whole, or as a pattern with {@code *}
     * (e.g. {@code "VSO*"}, {@code "*LWOO"}).
     */
    public record RequiredWhen(boolean all, List<String> studie, List<String> opleiding, List<String> groep,
                               List<String> klas, List<String> profiel) {
        public RequiredWhen {
            studie = studie == null ? List.of() : List.copyOf(studie);
            opleiding = opleiding == null ? List.of() : List.copyOf(opleiding);
            groep = groep == null ? List.of() : List.copyOf(groep);
            klas = klas == null ? List.of() : List.copyOf(klas);
            profiel = profiel == null ? List.of() : List.copyOf(profiel);
        }

        /** Whether the school says anything about who needs an OPP. */
        public boolean configured() {
            return all || !studie.isEmpty() || !opleiding.isEmpty() || !groep.isEmpty() || !klas.isEmpty() || !profiel.isEmpty();
        }
    }

    /** An SFTP drop whose export files are fetched into the school's CSV folder (password or private key). */
    public record Sftp(String host, Integer port, String username, String password, String privateKeyFile,
                       String directory, String knownHostsFile, java.time.Duration delay) {
    }

    /**
     * How hard this school's LVS may be used, where it differs from {@code lvs-sync.sync.*}: at most
     * {@code max-concurrent-requests} requests at a time, at most {@code max-requests-per-second} a second (0: no limit),
     * and Magister's afspraken and absenties asked for in date ranges of at most {@code chunk-days} days.
     */
    public record LvsLimits(@jakarta.validation.constraints.Min(1) Integer maxConcurrentRequests,
                            @jakarta.validation.constraints.PositiveOrZero Double maxRequestsPerSecond,
                            @jakarta.validation.constraints.Min(1) Integer chunkDays) {
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
