package nl.lvssync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.lvssync.PostgresTestDatabase;
import nl.lvssync.verzuim.Verdict;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The set-wise write path's guarantees, on H2 (the embedded default) and PostgreSQL alike: a batch of students lands
 * whole, a second identical write changes nothing, only real changes are written and counted, what a window held and
 * the delivery lacks is marked deleted (and nothing outside it), and exactly the students whose records changed are
 * marked for the rules.
 */
class RecordStoreTest {

    static final PostgresTestDatabase POSTGRES = PostgresTestDatabase.create();
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);
    static final SyncWindow WINDOW = new SyncWindow(MONDAY, MONDAY.plusDays(4), false);

    JdbcTemplate jdbc;
    LvsRecordStore store;
    long run = 1;

    @AfterAll
    static void drop() {
        POSTGRES.drop();
    }

    void open(String database) {
        DataSource ds = "postgres".equals(database)
                ? new DriverManagerDataSource(POSTGRES.url(), "postgres", "")
                : new DriverManagerDataSource("jdbc:h2:mem:" + java.util.UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").outOfOrder(true).cleanDisabled(false).load()
                .migrate();
        jdbc = new JdbcTemplate(ds);
        jdbc.update("DELETE FROM lesson");
        jdbc.update("DELETE FROM student_lesson_day");
        if ("postgres".equals(database)) {
            jdbc.update("DELETE FROM student_lesdagen");
        }
        jdbc.update("DELETE FROM absence");
        jdbc.update("DELETE FROM enrolment");
        jdbc.update("DELETE FROM student");
        jdbc.update("DELETE FROM school");
        jdbc.update("INSERT INTO school (id, name, lvs, region) VALUES ('S1', 'School', 'magister', 'noord')");
        store = new LvsRecordStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)),
                Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
    }

    @BeforeEach
    void reset() {
        run = 1;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSecondIdenticalWriteChangesNothingAndMarksNoOne(String database) {
        open(database);
        List<StudentData> batch = List.of(student("A", 3, 2), student("B", 2, 1), student("C", 1, 0));
        SyncCounts first = write(batch);
        assertThat(first.created()).isEqualTo(3 + 3 + (3 + 2 + 1) + (2 + 1));
        assertThat(first.updated()).isZero();
        assertThat(dirty()).containsExactly("A", "B", "C");
        assertThat(jdbc.queryForObject("SELECT subject FROM lesson WHERE student_lvs_id = 'A' AND lvs_id = 'A-L0'",
                String.class)).isEqualTo("wis\tkunde \\ 1\nregel");

        jdbc.update("UPDATE student SET rules_dirty = FALSE");
        SyncCounts second = write(batch);
        assertThat(List.of(second.created(), second.updated(), second.deleted())).containsExactly(0, 0, 0);
        assertThat(second.students()).isEqualTo(3);
        assertThat(dirty()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM student WHERE last_seen_run = ?", Integer.class, run))
                .isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void onlyRealChangesAreWrittenCountedAndMarked(String database) {
        open(database);
        write(List.of(student("A", 3, 2), student("B", 2, 2), student("C", 1, 1), student("D", 1, 1)));
        jdbc.update("UPDATE student SET rules_dirty = FALSE");

        StudentData a = student("A", 3, 2);
        List<LessonRecord> lessons = new ArrayList<>(a.lessons());
        LessonRecord l = lessons.get(1);
        lessons.set(1, new LessonRecord(l.lvsId(), l.date(), l.start(), l.end(), l.lesuurVan(), l.lesuurTot(), l.lvsStatus(),
                true, l.subject(), l.description()));
        a = new StudentData(a.student(), a.enrolments(), lessons, a.absences(), WINDOW);
        StudentData b = student("B", 2, 2);
        b = new StudentData(b.student(), b.enrolments(), b.lessons(), b.absences().subList(0, 1), WINDOW);
        StudentData c = student("C", 1, 1);
        AbsenceRecord moved = c.absences().get(0);
        AbsenceRecord later = new AbsenceRecord(moved.lvsId(), null, MONDAY.plusDays(14), moved.start().plusSeconds(14 * 86400),
                moved.end().plusSeconds(14 * 86400), null, null, 1, "AB", null, 1, false, Verdict.UNEXCUSED, false);
        c = new StudentData(c.student(), c.enrolments(), c.lessons(), List.of(later), WINDOW);

        SyncCounts counts = write(List.of(a, b, c, student("D", 1, 1)));

        assertThat(counts.created()).isZero();
        assertThat(counts.updated()).isEqualTo(2);
        assertThat(counts.deleted()).isEqualTo(1);
        assertThat(dirty()).containsExactly("A", "B", "C");
        assertThat(jdbc.queryForObject("SELECT deleted FROM absence WHERE lvs_id = 'B-A1'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT deleted_at FROM absence WHERE lvs_id = 'B-A1'", java.sql.Timestamp.class))
                .isNotNull();
        assertThat(jdbc.queryForObject("SELECT absence_date FROM absence WHERE lvs_id = 'C-A0'", LocalDate.class))
                .isEqualTo(MONDAY.plusDays(14));

        jdbc.update("UPDATE student SET rules_dirty = FALSE");
        SyncCounts back = write(List.of(student("B", 2, 2)));
        assertThat(List.of(back.created(), back.updated(), back.deleted())).containsExactly(0, 1, 0);
        assertThat(jdbc.queryForObject("SELECT deleted_at FROM absence WHERE lvs_id = 'B-A1'", java.sql.Timestamp.class))
                .isNull();
        assertThat(dirty()).containsExactly("B");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void recordsOutsideTheWindowOrWithoutOneAreKept(String database) {
        open(database);
        write(List.of(student("A", 3, 2)));
        StudentData a = student("A", 3, 2);
        SyncWindow earlier = new SyncWindow(MONDAY.minusDays(7), MONDAY.minusDays(1), false);
        SyncCounts counts = write(List.of(new StudentData(a.student(), List.of(), List.of(), List.of(), earlier),
                StudentData.partial(student("B", 0, 0).student(), List.of(), List.of(), null, List.of(), null)));
        assertThat(counts.deleted()).isZero();
        assertThat(counts.created()).isEqualTo(1);
        SyncCounts none = write(List.of(StudentData.partial(a.student(), List.of(), List.of(), null, List.of(), null)));
        assertThat(none.deleted()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lesson WHERE deleted = FALSE", Integer.class)).isEqualTo(3);

        SyncCounts emptied = write(List.of(new StudentData(a.student(), List.of(), List.of(), List.of(), WINDOW)));
        assertThat(emptied.deleted()).isEqualTo(5);
        assertThat(emptied.updated()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void chunksOfOneStudentLandInOrderThroughTheBatch(String database) {
        open(database);
        SyncWindow week1 = new SyncWindow(MONDAY, MONDAY.plusDays(6), false);
        SyncWindow week2 = new SyncWindow(MONDAY.plusDays(7), MONDAY.plusDays(13), false);
        StudentData a = student("A", 2, 0);
        StudentData b = student("B", 1, 0);
        SyncCounts counts = new SyncCounts();
        RecordBatch batch = new RecordBatch(store, "S1", run, counts, 10_000);
        batch.add(new StudentData(a.student(), a.enrolments(), a.lessons(), List.of(), week1));
        batch.add(new StudentData(b.student(), b.enrolments(), b.lessons(), List.of(), week1));
        LessonRecord l = a.lessons().get(1);
        LessonRecord moved = new LessonRecord(l.lvsId(), l.date().plusDays(7), l.start().plusSeconds(7 * 86400),
                l.end().plusSeconds(7 * 86400), l.lesuurVan(), l.lesuurTot(), l.lvsStatus(), l.cancelled(), l.subject(),
                l.description());
        batch.add(new StudentData(a.student(), List.of(), List.of(moved), List.of(), week2));
        batch.flush();

        assertThat(counts.students()).isEqualTo(2);
        assertThat(counts.created()).isEqualTo(2 + 2 + 3);
        assertThat(counts.updated()).isEqualTo(1);
        assertThat(counts.deleted()).isZero();
        assertThat(jdbc.queryForObject("SELECT lesson_date FROM lesson WHERE lvs_id = ?", LocalDate.class, l.lvsId()))
                .isEqualTo(MONDAY.plusDays(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theLessonDaysFollowTheLessonsThroughEveryKindOfChange(String database) {
        open(database);
        // A: lessons on Monday and Tuesday (8 a day, then 4); B: Monday only
        StudentData a = student("A", 12, 0);
        write(List.of(a, student("B", 3, 0)));
        assertThat(lessonDays()).containsExactly("A " + MONDAY, "A " + MONDAY.plusDays(1), "B " + MONDAY);
        assertLessonDaysAreTheLessons();

        // one Monday lesson cancelled: the day stays, with one lesson fewer (and the next write brings it back)
        List<LessonRecord> oneCancelled = new ArrayList<>(a.lessons());
        LessonRecord first = oneCancelled.get(0);
        assertThat(first.date()).isEqualTo(MONDAY);
        oneCancelled.set(0, new LessonRecord(first.lvsId(), first.date(), first.start(), first.end(), first.lesuurVan(),
                first.lesuurTot(), first.lvsStatus(), true, first.subject(), first.description()));
        write(List.of(new StudentData(a.student(), a.enrolments(), oneCancelled, List.of(), WINDOW)));
        assertThat(jdbc.queryForObject("SELECT lessons FROM student_lesson_day WHERE school_id = 'S1' AND student_lvs_id = 'A'"
                + " AND lesson_date = ?", Integer.class, MONDAY)).isEqualTo(7);
        assertLessonDaysAreTheLessons();

        // every Tuesday lesson cancelled: A has no lesson that day any more
        List<LessonRecord> lessons = new ArrayList<>();
        for (LessonRecord l : a.lessons()) {
            lessons.add(!l.date().equals(MONDAY.plusDays(1)) ? l : new LessonRecord(l.lvsId(), l.date(), l.start(), l.end(),
                    l.lesuurVan(), l.lesuurTot(), l.lvsStatus(), true, l.subject(), l.description()));
        }
        write(List.of(new StudentData(a.student(), a.enrolments(), lessons, List.of(), WINDOW)));
        assertThat(lessonDays()).containsExactly("A " + MONDAY, "B " + MONDAY);
        assertLessonDaysAreTheLessons();

        // B's only lessons moved three weeks on, outside the window: the Monday they left is free again
        StudentData b = student("B", 3, 0);
        List<LessonRecord> movedAway = b.lessons().stream().map(l -> new LessonRecord(l.lvsId(), l.date().plusDays(21),
                l.start().plusSeconds(21 * 86400), l.end().plusSeconds(21 * 86400), l.lesuurVan(), l.lesuurTot(), l.lvsStatus(),
                false, l.subject(), l.description())).toList();
        write(List.of(StudentData.partial(b.student(), b.enrolments(), movedAway, null, List.of(), null)));
        assertThat(lessonDays()).containsExactly("A " + MONDAY, "B " + MONDAY.plusDays(21));
        assertLessonDaysAreTheLessons();

        // A's window delivered empty: all held lessons deleted; then delivered again: back
        write(List.of(new StudentData(a.student(), a.enrolments(), List.of(), List.of(), WINDOW)));
        assertThat(lessonDays()).containsExactly("B " + MONDAY.plusDays(21));
        assertLessonDaysAreTheLessons();
        write(List.of(a));
        assertThat(lessonDays()).containsExactly("A " + MONDAY, "A " + MONDAY.plusDays(1), "B " + MONDAY.plusDays(21));
        assertLessonDaysAreTheLessons();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void whetherTheTimetableCancelledAnAbsencesLessonFollowsEveryChange(String database) {
        open(database);
        StudentData a = student("A", 12, 0);
        Instant nine = MONDAY.atTime(9, 0).toInstant(ZoneOffset.UTC);
        // on Monday's first lesson; on a Tuesday lesson though registered on Monday; without a lesson
        List<AbsenceRecord> absences = List.of(absence("A-A1", "A-L0", nine), absence("A-A2", "A-L9", nine),
                absence("A-A3", null, nine));
        write(List.of(new StudentData(a.student(), a.enrolments(), a.lessons(), absences, WINDOW)));
        assertThat(timetableCancelled()).isEmpty();
        assertTimetableCancelledIsTheLessons();

        // Monday's first lesson cancelled, delivered with the absences
        write(List.of(new StudentData(a.student(), a.enrolments(), cancelled(a.lessons(), "A-L0"), absences, WINDOW)));
        assertThat(timetableCancelled()).containsExactly("A-A1");
        assertTimetableCancelledIsTheLessons();

        // the Tuesday lesson cancelled too, in a delivery of lessons only: the absence it did not deliver follows
        write(List.of(StudentData.partial(a.student(), a.enrolments(), cancelled(a.lessons(), "A-L0", "A-L9"), WINDOW,
                List.of(), null)));
        assertThat(timetableCancelled()).containsExactly("A-A1", "A-A2");
        assertTimetableCancelledIsTheLessons();

        // Monday's lesson takes place after all
        write(List.of(StudentData.partial(a.student(), a.enrolments(), cancelled(a.lessons(), "A-L9"), WINDOW, List.of(),
                null)));
        assertThat(timetableCancelled()).containsExactly("A-A2");
        assertTimetableCancelledIsTheLessons();

        // the week's lessons gone from the timetable: no lesson is cancelled any more
        write(List.of(StudentData.partial(a.student(), a.enrolments(), List.of(), WINDOW, List.of(), null)));
        assertThat(timetableCancelled()).isEmpty();
        assertTimetableCancelledIsTheLessons();

        // back with lesson 5 cancelled; then a new registration on it, delivered with absences only
        write(List.of(StudentData.partial(a.student(), a.enrolments(), cancelled(a.lessons(), "A-L5"), WINDOW, List.of(),
                null)));
        List<AbsenceRecord> withNew = new ArrayList<>(absences);
        withNew.add(absence("A-A4", "A-L5", nine));
        write(List.of(StudentData.partial(a.student(), a.enrolments(), List.of(), null, withNew, WINDOW)));
        assertThat(timetableCancelled()).containsExactly("A-A4");
        assertTimetableCancelledIsTheLessons();
    }

    private static AbsenceRecord absence(String id, String lesson, Instant start) {
        return new AbsenceRecord(id, lesson, MONDAY, start, start.plusSeconds(3000), null, null, 2, "AB", "Ongeoorloofd", 1,
                false, Verdict.UNEXCUSED, false);
    }

    private static List<LessonRecord> cancelled(List<LessonRecord> lessons, String... ids) {
        List<String> cancel = List.of(ids);
        return lessons.stream().map(l -> new LessonRecord(l.lvsId(), l.date(), l.start(), l.end(), l.lesuurVan(),
                l.lesuurTot(), l.lvsStatus(), cancel.contains(l.lvsId()), l.subject(), l.description())).toList();
    }

    private List<String> timetableCancelled() {
        return jdbc.queryForList("SELECT lvs_id FROM absence WHERE school_id = 'S1' AND timetable_cancelled = TRUE"
                + " ORDER BY lvs_id", String.class);
    }

    /** Each absence's mark is what the timetable says now: its lesson held, not deleted, and cancelled. */
    private void assertTimetableCancelledIsTheLessons() {
        assertThat(timetableCancelled()).isEqualTo(jdbc.queryForList("SELECT a.lvs_id FROM absence a WHERE a.school_id = 'S1'"
                + " AND EXISTS (SELECT 1 FROM lesson l WHERE l.school_id = a.school_id AND l.student_lvs_id = a.student_lvs_id"
                + " AND l.lvs_id = a.lesson_lvs_id AND l.cancelled = TRUE AND l.deleted = FALSE) ORDER BY a.lvs_id",
                String.class));
    }

    private List<String> lessonDays() {
        return jdbc.queryForList("SELECT student_lvs_id || ' ' || CAST(lesson_date AS VARCHAR) FROM student_lesson_day"
                + " WHERE school_id = 'S1' ORDER BY student_lvs_id, lesson_date", String.class);
    }

    /** The lesson days, each with its number of lessons, are exactly those of the lessons that take place. */
    private void assertLessonDaysAreTheLessons() {
        assertThat(jdbc.queryForList("SELECT student_lvs_id || ' ' || CAST(lesson_date AS VARCHAR) || ' '"
                + " || CAST(lessons AS VARCHAR) FROM student_lesson_day WHERE school_id = 'S1' ORDER BY 1", String.class))
                .isEqualTo(jdbc.queryForList("SELECT student_lvs_id || ' ' || CAST(lesson_date AS VARCHAR) || ' '"
                        + " || CAST(COUNT(*) AS VARCHAR) FROM lesson WHERE school_id = 'S1' AND cancelled = FALSE"
                        + " AND deleted = FALSE GROUP BY student_lvs_id, lesson_date ORDER BY 1", String.class));
        if (store.postgres()) {
            // the one-row form the rules read (V60): the same days and numbers, built here from the lessons themselves
            assertThat(jdbc.queryForList("SELECT student_lvs_id || ' ' || encode(days, 'hex') FROM student_lesdagen"
                    + " WHERE school_id = 'S1' AND days <> ''::bytea ORDER BY 1", String.class))
                    .isEqualTo(jdbc.queryForList("SELECT student_lvs_id || ' ' || encode(string_agg(int4send((lesson_date"
                            + " - DATE '1970-01-01') * 256 + LEAST(n, 255)::int), ''::bytea ORDER BY lesson_date), 'hex') FROM"
                            + " (SELECT student_lvs_id, lesson_date, COUNT(*) AS n FROM lesson WHERE school_id = 'S1'"
                            + " AND cancelled = FALSE AND deleted = FALSE GROUP BY student_lvs_id, lesson_date) d"
                            + " GROUP BY student_lvs_id ORDER BY 1", String.class))
                    .isNotEmpty();
        }
    }

    private SyncCounts write(List<StudentData> batch) {
        SyncCounts counts = new SyncCounts();
        store.write("S1", ++run, batch, counts);
        return counts;
    }

    private List<String> dirty() {
        return jdbc.queryForList("SELECT lvs_id FROM student WHERE rules_dirty = TRUE ORDER BY lvs_id", String.class);
    }

    static StudentData student(String id, int lessons, int absences) {
        StudentRecord s = new StudentRecord(id, "stam" + id, "Roep", null, "Naam " + id, LocalDate.of(2011, 3, 7), "3a",
                "3 havo", "Hoofd", null, null, null, null);
        List<LessonRecord> ls = new ArrayList<>();
        List<AbsenceRecord> as = new ArrayList<>();
        for (int i = 0; i < lessons; i++) {
            Instant start = MONDAY.plusDays(i / 8).atTime(8 + i % 8, 30).toInstant(ZoneOffset.UTC);
            ls.add(new LessonRecord(id + "-L" + i, MONDAY.plusDays(i / 8), start, start.plusSeconds(3000), i + 1, i + 1, null, false,
                    i == 0 ? "wis\tkunde \\ 1\nregel" : "vak " + i, null));
        }
        for (int i = 0; i < absences; i++) {
            Instant start = MONDAY.plusDays(i).atTime(8, 30).toInstant(ZoneOffset.UTC);
            as.add(new AbsenceRecord(id + "-A" + i, null, MONDAY.plusDays(i), start, start.plusSeconds(3000), null, null, 1,
                    "AB", "Ongeoorloofd", 1, false, Verdict.UNEXCUSED, false));
        }
        return new StudentData(s, List.of(new EnrolmentRecord(id + "-E", "3 havo", "3a", null, null, null, MONDAY.minusMonths(3),
                null, true, null, null, null)), ls, as, WINDOW);
    }
}
