package nl.lvssync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.lvssync.PostgresTestDatabase;
import nl.lvssync.verzuim.Absentie;
import nl.lvssync.verzuim.Les;
import nl.lvssync.verzuim.VerzuimRegels;
import nl.lvssync.verzuim.Bevinding;
import nl.lvssync.verzuim.Eenheid;
import nl.lvssync.verzuim.VerzuimBeleid;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The rules' chunked read on PostgreSQL (its own queries: lessons per absence day through a lateral join, lesson days as
 * one array per student) hands over, student by student, exactly what the plain per-student queries read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles({"test", "postgres"})
class PostgresRuleInputsTest {

    static final PostgresTestDatabase DATABASE = PostgresTestDatabase.create();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        nl.lvssync.TestSchools.postgres(registry, DATABASE);
        registry.add("lvs-sync.simulator.enabled", () -> "true");
        registry.add("lvs-sync.simulator.seed", () -> "11");
        registry.add("lvs-sync.simulator.students-per-school", () -> "25");
        registry.add("lvs-sync.schools[0].id", () -> "PRI01");
        registry.add("lvs-sync.schools[0].lvs", () -> "simulator");
        registry.add("lvs-sync.schools[0].region", () -> "noord");
        registry.add("lvs-sync.schools[0].codes.AB", () -> "UNEXCUSED");
        registry.add("lvs-sync.schools[0].codes.ZK", () -> "SICK");
    }

    @AfterAll
    static void drop() {
        DATABASE.drop();
    }

    @Autowired
    SyncService sync;
    @Autowired
    RuleInputs inputs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /** Records the simulator never sends, written beside a student's real ones on days they already have lessons. */
    private String oddCases(LocalDate from) {
        String student = jdbc.sql("SELECT student_lvs_id FROM absence WHERE school_id = 'PRI01' AND absence_date >= ?"
                + " AND NOT deleted ORDER BY student_lvs_id LIMIT 1").param(from).query(String.class).single();
        LocalDate day = jdbc.sql("SELECT MIN(absence_date) FROM absence WHERE school_id = 'PRI01' AND student_lvs_id = ?"
                + " AND absence_date >= ?").params(student, from).query(LocalDate.class).single();
        LocalDate other = jdbc.sql("SELECT MIN(lesson_date) FROM lesson l WHERE school_id = 'PRI01' AND student_lvs_id = ?"
                + " AND lesson_date >= ? AND NOT EXISTS (SELECT 1 FROM absence a WHERE a.school_id = l.school_id"
                + " AND a.student_lvs_id = l.student_lvs_id AND a.absence_date = l.lesson_date)")
                .params(student, from).query(LocalDate.class).single();
        lesson(student, "X-CANCELLED", day, 20, true, false);
        lesson(student, "X-ELSEWHERE", other, 21, false, false);
        lesson(student, "X-GONE", day, 22, false, true);
        absence(student, "E-CANCELLED", "X-CANCELLED", day, false);
        absence(student, "E-ELSEWHERE", "X-ELSEWHERE", day, false);
        absence(student, "E-GONE-COPY", "X-GONE", day, true);
        absence(student, "E-GONE", "X-GONE", day, false);
        absence(student, "E-NO-LESSON", null, day, false);
        // a day with only a sick registration: its lessons are not read whole, so each lesson is asked about by key
        LocalDate sick = jdbc.sql("SELECT MIN(lesson_date) FROM lesson l WHERE school_id = 'PRI01' AND student_lvs_id = ?"
                + " AND lesson_date > ? AND NOT EXISTS (SELECT 1 FROM absence a WHERE a.school_id = l.school_id"
                + " AND a.student_lvs_id = l.student_lvs_id AND a.absence_date = l.lesson_date)")
                .params(student, other).query(LocalDate.class).single();
        lesson(student, "X-SICK-CANCELLED", sick, 20, true, false);
        lesson(student, "X-SICK", sick, 21, false, false);
        lesson(student, "X-SICK-CANCELLED-2", sick, 22, true, false);
        absence(student, "S-CANCELLED", "X-SICK-CANCELLED", sick, true, "SICK");
        absence(student, "S-COPY", "X-SICK", sick, true, "SICK");
        absence(student, "S-NO-COPY", "X-SICK", sick, false, "SICK");
        absence(student, "S-CANCELLED-NO-COPY", "X-SICK-CANCELLED-2", sick, false, "SICK");
        // a day missed whole: every lesson has an unexcused registration, so its lessons are read
        LocalDate whole = jdbc.sql("SELECT MIN(lesson_date) FROM lesson l WHERE school_id = 'PRI01' AND student_lvs_id = ?"
                + " AND lesson_date > ? AND NOT EXISTS (SELECT 1 FROM absence a WHERE a.school_id = l.school_id"
                + " AND a.student_lvs_id = l.student_lvs_id AND a.absence_date = l.lesson_date)")
                .params(student, sick).query(LocalDate.class).single();
        jdbc.sql("SELECT lvs_id FROM lesson WHERE school_id = 'PRI01' AND student_lvs_id = ? AND lesson_date = ?"
                        + " AND NOT cancelled AND NOT deleted").params(student, whole).query(String.class).list()
                .forEach(lesson -> absence(student, "W-" + lesson, lesson, whole, true));
        // whether the timetable cancelled each absence's lesson, and the lesson days' numbers of lessons, as the store
        // keeps them (RecordStoreTest shows that it does)
        jdbc.sql("UPDATE absence a SET timetable_cancelled = EXISTS (SELECT 1 FROM lesson l WHERE l.school_id = a.school_id"
                + " AND l.student_lvs_id = a.student_lvs_id AND l.lvs_id = a.lesson_lvs_id AND l.cancelled AND NOT l.deleted)"
                + " WHERE school_id = 'PRI01' AND student_lvs_id = ?").param(student).update();
        jdbc.sql("UPDATE student_lesson_day d SET lessons = (SELECT COUNT(*) FROM lesson l WHERE l.school_id = d.school_id"
                + " AND l.student_lvs_id = d.student_lvs_id AND l.lesson_date = d.lesson_date AND NOT l.cancelled"
                + " AND NOT l.deleted) WHERE school_id = 'PRI01' AND student_lvs_id = ?").param(student).update();
        jdbc.sql(SetWiseWrites.REFRESH_LESDAGEN).params("PRI01", "PRI01", new String[] {student}).update();
        return student;
    }

    private static java.sql.Timestamp at(LocalDate day, int hour) {
        return java.sql.Timestamp.from(day.atTime(hour, 0).toInstant(java.time.ZoneOffset.UTC));
    }

    private void lesson(String student, String id, LocalDate day, int hour, boolean cancelled, boolean deleted) {
        jdbc.sql("INSERT INTO lesson (school_id, student_lvs_id, lvs_id, lesson_date, starts_at, ends_at, cancelled, deleted,"
                        + " content_hash, updated_at) VALUES ('PRI01', ?, ?, ?, ?, ?, ?, ?, 'x', now())")
                .params(student, id, day, at(day, hour), at(day, hour + 1), cancelled, deleted).update();
    }

    private void absence(String student, String id, String lesson, LocalDate day, boolean copy) {
        absence(student, id, lesson, day, copy, "UNEXCUSED");
    }

    private void absence(String student, String id, String lesson, LocalDate day, boolean copy, String verdict) {
        jdbc.sql("INSERT INTO absence (school_id, lvs_id, student_lvs_id, lesson_lvs_id, absence_date, starts_at, ends_at,"
                        + " lesson_starts_at, lesson_ends_at, code, verdict, content_hash, first_seen_at, updated_at)"
                        + " VALUES ('PRI01', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', now(), now())")
                .params(id, student, lesson, day, at(day, 0), at(day, 0), copy ? at(day, 23) : null,
                        copy ? at(day.plusDays(1), 0) : null, "SICK".equals(verdict) ? "ZK" : "AB", verdict).update();
    }

    @Autowired
    LvsRecordStore store;
    @Autowired
    java.time.Clock clock;
    final VerzuimRegels regels = new VerzuimRegels();

    @Test
    void verdictsAreReDerivedFromANewCodeTableAndBack() {
        assertThat(sync.execute(sync.start("PRI01", "TEST").id()).status()).isEqualTo(SyncStatus.SUCCEEDED);
        String unexcusedAb = "SELECT count(*) FROM absence WHERE school_id = 'PRI01' AND code = 'AB' AND verdict = 'UNEXCUSED'";
        int before = jdbc.sql(unexcusedAb).query(Integer.class).single();
        assertThat(before).isPositive();

        int recoded = store.rederiveVerdicts("PRI01", new nl.lvssync.school.CodeTable(
                java.util.Map.of("AB", nl.lvssync.verzuim.Verdict.EXCUSED, "ZK", nl.lvssync.verzuim.Verdict.SICK)));

        assertThat(recoded).isEqualTo(before);
        assertThat(jdbc.sql(unexcusedAb).query(Integer.class).single()).isZero();
        assertThat(store.rederiveVerdicts("PRI01", new nl.lvssync.school.CodeTable(
                java.util.Map.of("AB", nl.lvssync.verzuim.Verdict.UNEXCUSED, "ZK", nl.lvssync.verzuim.Verdict.SICK))))
                .isEqualTo(before);
        assertThat(jdbc.sql(unexcusedAb).query(Integer.class).single()).isEqualTo(before);
        assertThat(store.rederiveVerdicts("PRI01", new nl.lvssync.school.CodeTable(
                java.util.Map.of("AB", nl.lvssync.verzuim.Verdict.UNEXCUSED, "ZK", nl.lvssync.verzuim.Verdict.SICK))))
                .as("the same table again changes nothing").isZero();
    }

    @Test
    void chunkedReadEqualsThePerStudentRead() {
        assertThat(sync.execute(sync.start("PRI01", "TEST").id()).status()).isEqualTo(SyncStatus.SUCCEEDED);
        LocalDate from = LocalDate.of(2026, 8, 1);
        // a table this small is read whole anyway: the plan of a large one is forced, to see what the index holds
        String plan = tx.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN (ANALYZE) SELECT student_lvs_id, lesson_date, lessons FROM student_lesson_day"
                    + " WHERE school_id = 'PRI01' AND student_lvs_id BETWEEN '0' AND 'z'").query(String.class).list());
        });
        assertThat(plan).as("after the first load the write path reads the lesson days from the index alone")
                .contains("Index Only Scan").contains("Heap Fetches: 0");
        String probe = tx.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN " + AbsenceDayReadPostgres.ABSENCES)
                    .params("PRI01", "0", "z", from).query(String.class).list());
        });
        assertThat(probe).as("whether a lesson was cancelled is read with the absence, not asked of the lessons")
                .contains("on absence").doesNotContain("on lesson");
        String odd = oddCases(from);
        inputs.markAllForEvaluation("PRI01");

        List<RuleInputs.StudentRecords> read = new ArrayList<>();
        inputs.forEachMarkedChunk("PRI01", from, 7, chunk -> {
            assertThat(chunk).hasSizeLessThanOrEqualTo(7);
            read.addAll(chunk);
        });

        assertThat(read).hasSize(25);
        assertThat(inputs.lesdagen("PRI01", from).school()).as("the school's lesson days, from its students' read once")
                .isNotEmpty().isEqualTo(inputs.geplandeLesdagen("PRI01", from));
        int withAbsences = 0;
        long lessonsOnAbsenceDays = 0;
        long handedOver = 0;
        int findings = 0;
        SchoolKalender kalender = SchoolKalender.of(List.of(), inputs.geplandeLesdagen("PRI01", from));
        VerzuimBeleid beleid = VerzuimBeleid.standaard(Eenheid.LESSON_PERIODS);
        LocalDate today = LocalDate.now(clock);
        for (RuleInputs.StudentRecords r : read) {
            String id = r.leerling().lvsId();
            List<Les> all = inputs.lessen("PRI01", id, from);
            List<Absentie> absenties = inputs.absenties("PRI01", id, from);
            assertThat(r.absenties()).as(id).containsExactlyInAnyOrderElementsOf(absenties);
            Map<LocalDate, Integer> perDay = all.stream().collect(Collectors.toMap(Les::datum, l -> 1, Integer::sum));
            assertThat(r.lesdagen().alsMap()).as("%s: each lesson day with its number of lessons", id).isEqualTo(perDay);
            Set<LocalDate> handedOverDays = r.lessen().stream().map(Les::datum).collect(Collectors.toSet());
            assertThat(r.lessen()).as("%s: whole days", id).containsExactlyInAnyOrderElementsOf(
                    all.stream().filter(l -> handedOverDays.contains(l.datum())).toList());
            for (LocalDate day : perDay.keySet()) {
                List<Absentie> missed = absenties.stream().filter(a -> a.datum().equals(day)
                        && VerzuimRegels.DAGLESSEN_NODIG.contains(a.verdict())).toList();
                boolean mayBeWhole = !missed.isEmpty() && (missed.stream().anyMatch(a -> a.lesLvsId() == null)
                        || missed.stream().map(Absentie::lesLvsId).distinct().count() >= perDay.get(day));
                if (mayBeWhole) {
                    assertThat(handedOverDays).as("%s: read whole, it may have been missed whole", id).contains(day);
                }
            }
            List<Bevinding> fromAll = regels.evaluate(r.leerling(), all, absenties, kalender, beleid, today);
            assertThat(regels.evaluate(r.leerling(), r.lessen(), r.lesdagen(), r.absenties(), kalender, beleid, today))
                    .as("%s: the same findings as from every lesson", id).isEqualTo(fromAll);
            findings += fromAll.size();
            lessonsOnAbsenceDays += all.stream().filter(l -> absenties.stream().anyMatch(a -> a.datum().equals(l.datum())))
                    .count();
            handedOver += r.lessen().size();
            withAbsences += absenties.isEmpty() ? 0 : 1;
        }
        assertThat(withAbsences).as("students with absences to compare").isGreaterThan(10);
        assertThat(findings).as("findings to compare").isPositive();
        assertThat(handedOver).as("only days that may have been missed whole are read whole")
                .isPositive().isLessThan(lessonsOnAbsenceDays / 4);
        java.util.Map<String, Absentie> oddOnes = read.stream().filter(r -> r.leerling().lvsId().equals(odd))
                .flatMap(r -> r.absenties().stream()).filter(a -> a.lvsId().startsWith("E-"))
                .collect(Collectors.toMap(Absentie::lvsId, a -> a));
        assertThat(oddOnes).as("an absence on a lesson the timetable cancelled is none")
                .containsOnlyKeys("E-ELSEWHERE", "E-GONE-COPY", "E-GONE", "E-NO-LESSON");
        java.util.Map<String, Absentie> sick = read.stream().filter(r -> r.leerling().lvsId().equals(odd))
                .flatMap(r -> r.absenties().stream()).filter(a -> a.lvsId().startsWith("S-"))
                .collect(Collectors.toMap(Absentie::lvsId, a -> a));
        assertThat(sick).as("also on a day whose lessons are not read whole").containsOnlyKeys("S-COPY", "S-NO-COPY");
        assertThat(sick.get("S-NO-COPY").lesStart()).as("the lesson's times, looked up by key")
                .isEqualTo(at(sick.get("S-NO-COPY").datum(), 21).toInstant());
        assertThat(oddOnes.get("E-ELSEWHERE").lesStart()).as("the lesson's times, from its own date")
                .isEqualTo(at(jdbc.sql("SELECT lesson_date FROM lesson WHERE lvs_id = 'X-ELSEWHERE'").query(LocalDate.class)
                        .single(), 21).toInstant());
        assertThat(oddOnes.get("E-GONE-COPY").lesStart()).isNotNull();
        assertThat(oddOnes.get("E-GONE").lesStart()).as("a deleted lesson gives no times").isNull();
        assertThat(inputs.dirtyStudents("PRI01")).isEmpty();
    }
}
