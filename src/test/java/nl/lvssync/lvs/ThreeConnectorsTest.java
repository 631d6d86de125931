package nl.lvssync.lvs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lvssync.time.ClockConfig;
import nl.lvssync.alert.AlertEvaluation;
import nl.lvssync.lvs.magister.MagisterStub;
import nl.lvssync.lvs.somtoday.SomtodayStub;
import nl.lvssync.sync.SyncRun;
import nl.lvssync.sync.SyncService;
import nl.lvssync.sync.SyncStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One mapping boundary: the same students, lessons and absences delivered by Magister, by Somtoday and as CSV exports
 * become the same records, and the rules raise the same alerts (rule, signal, start and end date, hours) for each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ThreeConnectorsTest {

    static final WireMockServer lvs = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final Path FOLDER;

    static {
        lvs.start();
        try {
            FOLDER = Files.createTempDirectory("lvs-three");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String ORG = "0a0a0a0a-0000-4000-8000-0000000000aa";
    static final String VESTIGING = "7e570000-0000-4000-8000-0000000000bb";
    static final String[][] LESUREN = {{"08:30", "09:20"}, {"09:20", "10:10"}, {"10:30", "11:20"}, {"11:20", "12:10"},
        {"12:40", "13:30"}};
    /** after the autumn holiday of region noord (10-18 October 2026) up to the clock's Friday */
    static final LocalDate FIRST = LocalDate.of(2026, 10, 19);
    static final LocalDate LAST = LocalDate.of(2026, 11, 20);

    /** One absent lesson: the student (0-based), the day, the lesuur (1-based) and the code. */
    record Absent(int student, LocalDate day, int lesuur, String code) {
    }

    static final String[][] STUDENTS = {
        {"5001", "Truus", "Ter", "2011-03-07"}, {"5002", "Henk", "Huis", "2011-06-12"}, {"5003", "Zoë", "Ziek", "2011-01-30"},
        {"5004", "Mo", "Maandag", "2010-11-02"}, {"5005", "Lot", "Laat", "2011-09-09"}};

    static final List<Absent> ABSENT = fixture();

    static List<Absent> fixture() {
        List<Absent> a = new ArrayList<>();
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() > 5) {
                continue;
            }
            for (int l = 1; l <= 5; l++) {
                // truant from Monday 26 October to the 2nd lesson on Thursday: 17 lessons
                if (!d.isBefore(LocalDate.of(2026, 10, 26)) && (d.isBefore(LocalDate.of(2026, 10, 29))
                        || d.equals(LocalDate.of(2026, 10, 29)) && l <= 2)) {
                    a.add(new Absent(0, d, l, "AB"));
                }
                // away every lesson of five weeks
                a.add(new Absent(1, d, l, "AB"));
                // sick eight lesdagen
                if (!d.isBefore(LocalDate.of(2026, 11, 2)) && !d.isAfter(LocalDate.of(2026, 11, 11))) {
                    a.add(new Absent(2, d, l, "ZK"));
                }
                // the first two lessons of every Monday, and a doctor's visit
                if (d.getDayOfWeek() == DayOfWeek.MONDAY && l <= 2) {
                    a.add(new Absent(3, d, l, "AB"));
                }
                if (d.equals(LocalDate.of(2026, 11, 4)) && l >= 4) {
                    a.add(new Absent(3, d, l, "GA"));
                }
                // late for the first lesson on Tuesdays and Thursdays
                if (l == 1 && (d.getDayOfWeek() == DayOfWeek.TUESDAY || d.getDayOfWeek() == DayOfWeek.THURSDAY)) {
                    a.add(new Absent(4, d, l, "TL"));
                }
            }
        }
        return a;
    }

    static String code(LocalDate d, int student, int lesuur) {
        return ABSENT.stream().filter(x -> x.student() == student && x.day().equals(d) && x.lesuur() == lesuur)
                .map(Absent::code).findFirst().orElse(null);
    }

    static List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                days.add(d);
            }
        }
        return days;
    }

    static ZonedDateTime at(LocalDate d, String time) {
        return d.atTime(LocalTime.parse(time)).atZone(ClockConfig.AMSTERDAM);
    }

    static String utc(ZonedDateTime t) {
        return t.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'.0000000Z'"));
    }

    static String offset(ZonedDateTime t) {
        return t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx"));
    }

    static long lessonId(int student, LocalDate d, int lesuur) {
        return d.toEpochDay() * 100 + lesuur * 10L + student;
    }

    static final Map<String, String> CODES = Map.of("AB", "UNEXCUSED", "ZK", "SICK", "TL", "LATE", "GA", "EXCUSED");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:three;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("lvs-sync.clock.fixed", () -> "2026-11-20T15:00:00Z");
        registry.add("lvs-sync.sync.run-at-startup", () -> "false");
        registry.add("lvs-sync.sync.schedules-enabled", () -> "false");
        registry.add("lvs-sync.simulator.enabled", () -> "false");
        registry.add("lvs-sync.csv.poll-delay", () -> "200ms");
        // the test runs the sync itself
        registry.add("lvs-sync.csv.run-on-arrival", () -> "false");
        String[] ids = {"MAG01", "SOM01", "CSV01"};
        String[] kinds = {"magister", "somtoday", "csv"};
        for (int i = 0; i < 3; i++) {
            String p = "lvs-sync.schools[" + i + "].";
            String id = ids[i];
            String kind = kinds[i];
            registry.add(p + "id", () -> id);
            registry.add(p + "lvs", () -> kind);
            registry.add(p + "region", () -> "noord");
            CODES.forEach((code, verdict) -> registry.add(p + "codes." + code, () -> verdict));
        }
        registry.add("lvs-sync.schools[0].base-url", () -> lvs.baseUrl() + "/MAG01");
        registry.add("lvs-sync.schools[0].auth.token-url", () -> lvs.baseUrl() + "/MAG01/connect/token");
        registry.add("lvs-sync.schools[0].auth.client-id", () -> "lvs-sync");
        registry.add("lvs-sync.schools[0].auth.client-secret", () -> "secret");
        registry.add("lvs-sync.schools[0].magister.webservices-user", () -> "ws");
        registry.add("lvs-sync.schools[0].magister.webservices-password", () -> "pw");
        SomtodayStub som = new SomtodayStub(lvs, "SOM01");
        registry.add("lvs-sync.schools[1].base-url", som::apiUrl);
        registry.add("lvs-sync.schools[1].auth.token-url", som::tokenUrl);
        registry.add("lvs-sync.schools[1].auth.organisation", () -> ORG);
        registry.add("lvs-sync.schools[1].auth.client-id", () -> "lvs-sync");
        registry.add("lvs-sync.schools[1].auth.client-secret", () -> "secret");
        registry.add("lvs-sync.schools[1].somtoday.vestiging", () -> VESTIGING);
        registry.add("lvs-sync.schools[2].csv.folder", FOLDER::toString);
        registry.add("lvs-sync.schools[2].csv.min-age", () -> "300ms");
    }

    @AfterAll
    static void stop() {
        lvs.stop();
    }

    @Autowired
    SyncService sync;
    @Autowired
    AlertEvaluation evaluation;
    @Autowired
    JdbcClient jdbc;

    static void magister() {
        MagisterStub stub = new MagisterStub(lvs, "MAG01").token(3600);
        List<String> rows = new ArrayList<>();
        for (int s = 0; s < STUDENTS.length; s++) {
            String[] st = STUDENTS[s];
            LocalDate birth = LocalDate.parse(st[3]);
            rows.add((1001 + s) + ";" + st[0] + ";" + st[1] + ";;" + st[2] + ";"
                    + birth.format(DateTimeFormatter.ofPattern("dd-MM-uuuu")) + ";3a;3 havo;Hoofdlocatie;;");
        }
        stub.students(rows.toArray(String[]::new));
        for (int s = 0; s < STUDENTS.length; s++) {
            String id = String.valueOf(1001 + s);
            List<String> afspraken = new ArrayList<>();
            List<String> absenties = new ArrayList<>();
            for (LocalDate d : days()) {
                for (int l = 1; l <= 5; l++) {
                    long les = lessonId(s, d, l);
                    String start = utc(at(d, LESUREN[l - 1][0]));
                    String end = utc(at(d, LESUREN[l - 1][1]));
                    afspraken.add(MagisterStub.afspraak(les, start, end, l, 1));
                    String code = code(d, s, l);
                    if (code != null) {
                        int type = code.equals("ZK") ? 3 : code.equals("TL") ? 2 : 1;
                        absenties.add(MagisterStub.absentie(les * 10, start, end, l,
                                code.equals("ZK") || code.equals("GA"), les, type, code));
                    }
                }
            }
            stub.aanmeldingen(id, MagisterStub.aanmelding("77" + s, "3a"))
                    .afspraken(id, String.join(",", afspraken)).absenties(id, String.join(",", absenties));
        }
    }

    static String uuid(int s) {
        return "5a000000-0000-4000-8000-00000000000" + s;
    }

    static void somtoday() {
        SomtodayStub stub = new SomtodayStub(lvs, "SOM01").token(ORG, "tok", 3600)
                .vestigingen(SomtodayStub.vestiging(VESTIGING, "Hoofdlocatie"));
        List<String> leerlingen = new ArrayList<>();
        for (int s = 0; s < STUDENTS.length; s++) {
            String[] st = STUDENTS[s];
            leerlingen.add(SomtodayStub.leerling(uuid(s), st[0], st[1], null, st[2], st[3], null, "3a"));
        }
        stub.students(VESTIGING, 200, leerlingen);
        stub.range("/rest/v1/absentieredenen", 100, List.of(SomtodayStub.reden("AB", "Absent", "Absent", false),
                SomtodayStub.reden("ZK", "Ziek", "Absent", true), SomtodayStub.reden("TL", "Te laat", "Telaat", false),
                SomtodayStub.reden("GA", "Geoorloofd", "Absent", true)));
        List<String> waarnemingen = new ArrayList<>();
        List<String> meldingen = new ArrayList<>();
        long meldingId = 90_000;
        for (int s = 0; s < STUDENTS.length; s++) {
            // consecutive absent lessons with one code are one melding, over lessons and days
            String open = null;
            ZonedDateTime begin = null;
            ZonedDateTime end = null;
            int beginLesuur = 0;
            int eindLesuur = 0;
            for (LocalDate d : days()) {
                for (int l = 1; l <= 5; l++) {
                    String code = code(d, s, l);
                    waarnemingen.add(SomtodayStub.waarneming(lessonId(s, d, l) * 10, lessonId(s, d, l), uuid(s),
                            offset(at(d, LESUREN[l - 1][0])), offset(at(d, LESUREN[l - 1][1])), l,
                            code == null || code.equals("TL") ? "Aanwezig" : "Afwezig"));
                    if (open != null && !open.equals(code)) {
                        meldingen.add(melding(meldingId++, s, begin, end, beginLesuur, eindLesuur, open));
                        open = null;
                    }
                    if ("TL".equals(code)) {
                        ZonedDateTime start = at(d, LESUREN[l - 1][0]);
                        meldingen.add(SomtodayStub.melding(meldingId++, uuid(s), offset(start), offset(start.plusMinutes(10)),
                                l, l, "TL", "Telaat", false));
                    } else if (code != null) {
                        if (open == null) {
                            open = code;
                            begin = at(d, LESUREN[l - 1][0]);
                            beginLesuur = l;
                        }
                        end = at(d, LESUREN[l - 1][1]);
                        eindLesuur = l;
                    }
                }
            }
            if (open != null) {
                // still absent at the clock's Friday: the melding has no end yet
                meldingen.add(melding(meldingId++, s, begin, null, beginLesuur, eindLesuur, open));
            }
        }
        stub.range("/rest/v1/absentiemeldingen", 100, meldingen);
        stub.range("/rest/v1/waarnemingen", 100, waarnemingen);
    }

    static String melding(long id, int s, ZonedDateTime begin, ZonedDateTime end, int beginLesuur, int eindLesuur,
                          String code) {
        return SomtodayStub.melding(id, uuid(s), offset(begin), end == null ? null : offset(end), beginLesuur,
                end == null ? null : eindLesuur, code, "Absent", code.equals("ZK") || code.equals("GA"));
    }

    static void csv() throws IOException {
        StringBuilder leerlingen = new StringBuilder("leerling_id;stamnr;roepnaam;tussenvoegsel;achternaam;geboortedatum;klas\n");
        for (int s = 0; s < STUDENTS.length; s++) {
            String[] st = STUDENTS[s];
            leerlingen.append("L").append(s).append(';').append(st[0]).append(';').append(st[1]).append(";;").append(st[2])
                    .append(';').append(LocalDate.parse(st[3]).format(DateTimeFormatter.ofPattern("dd-MM-uuuu"))).append(";3a\n");
        }
        StringBuilder lessen = new StringBuilder("les_id,leerling_id,datum,lesuur,begintijd,eindtijd,vak,vervallen\n");
        StringBuilder absenties = new StringBuilder("absentie_id;leerling_id;datum;lesuur;begintijd;eindtijd;code;omschrijving;geoorloofd\n");
        for (int s = 0; s < STUDENTS.length; s++) {
            for (LocalDate d : days()) {
                for (int l = 1; l <= 5; l++) {
                    long les = lessonId(s, d, l);
                    lessen.append(les).append(",L").append(s).append(',').append(d).append(',').append(l).append(',')
                            .append(LESUREN[l - 1][0]).append(',').append(LESUREN[l - 1][1]).append(",en,nee\n");
                    String code = code(d, s, l);
                    if (code != null) {
                        absenties.append(les * 10).append(";L").append(s).append(';')
                                .append(d.format(DateTimeFormatter.ofPattern("dd-MM-uuuu"))).append(';').append(l).append(';')
                                .append(LESUREN[l - 1][0]).append(';').append(LESUREN[l - 1][1]).append(';').append(code)
                                .append(";;").append(code.equals("ZK") || code.equals("GA") ? "ja" : "nee").append('\n');
                    }
                }
            }
        }
        Files.write(FOLDER.resolve("leerlingen.csv"), leerlingen.toString().getBytes(StandardCharsets.UTF_8));
        Files.write(FOLDER.resolve("lessen.csv"), lessen.toString().getBytes(StandardCharsets.UTF_8));
        Files.write(FOLDER.resolve("absenties.csv"), absenties.toString().getBytes(java.nio.charset.Charset.forName("windows-1252")));
    }

    List<Map<String, Object>> alerts(String school) {
        return jdbc.sql("SELECT s.stamnr, a.rule, a.signal, a.start_date, a.end_date, a.hours FROM alert a"
                        + " JOIN student s ON s.school_id = a.school_id AND s.lvs_id = a.student_lvs_id"
                        + " WHERE a.school_id = ? ORDER BY s.stamnr, a.rule, a.signal, a.start_date")
                .param(school).query().listOfRows().stream().map(row -> {
                    Map<String, Object> r = new LinkedHashMap<>(row);
                    r.put("hours", row.get("hours") == null ? null : ((java.math.BigDecimal) row.get("hours")).stripTrailingZeros().toPlainString());
                    return (Map<String, Object>) r;
                }).toList();
    }

    @Test
    void theSameDataThroughMagisterSomtodayAndCsvRaisesTheSameAlerts() throws IOException {
        magister();
        somtoday();
        csv();

        for (String school : List.of("MAG01", "SOM01", "CSV01")) {
            SyncRun run = sync.execute(sync.start(school, "TEST").id());
            assertThat(run.status()).as(school + ": " + run.error()).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(run.counts().students()).isEqualTo(5);
            evaluation.evaluate(school, true);
        }

        List<Map<String, Object>> magister = alerts("MAG01");
        assertThat(magister).extracting(r -> r.get("rule")).contains("LEGAL_16H", "LRV", "MAZL", "SIGNAL");
        assertThat(alerts("SOM01")).as("Somtoday").isEqualTo(magister);
        assertThat(alerts("CSV01")).as("CSV").isEqualTo(magister);
        for (String school : List.of("MAG01", "SOM01", "CSV01")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM absence WHERE school_id = ? AND deleted = FALSE").param(school)
                    .query(Integer.class).single()).as(school).isEqualTo(ABSENT.size());
        }
    }
}
