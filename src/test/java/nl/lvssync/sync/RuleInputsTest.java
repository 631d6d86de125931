package nl.lvssync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.lvssync.ServiceTest;
import nl.lvssync.verzuim.Absentie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the rules read from the stored records: lesson times from the timetable, nothing on cancelled lessons. */
@ServiceTest
class RuleInputsTest {

    @Autowired
    RuleInputs inputs;
    @Autowired
    JdbcClient jdbc;

    void lesson(String id, String start, String end, boolean cancelled) {
        jdbc.sql("INSERT INTO lesson (school_id, student_lvs_id, lvs_id, lesson_date, starts_at, ends_at, cancelled, content_hash,"
                        + " updated_at) VALUES ('RI01', 's1', ?, DATE '2026-11-16', ?, ?, ?, 'x', now())")
                .params(id, Timestamp.from(Instant.parse(start)), Timestamp.from(Instant.parse(end)), cancelled).update();
    }

    void absence(String id, String lessonId, String start, String end) {
        jdbc.sql("INSERT INTO absence (school_id, lvs_id, student_lvs_id, lesson_lvs_id, absence_date, starts_at, ends_at,"
                        + " code, verdict, content_hash, first_seen_at, updated_at)"
                        + " VALUES ('RI01', ?, 's1', ?, DATE '2026-11-16', ?, ?, 'AB', 'UNEXCUSED', 'x', now(), now())")
                .params(id, lessonId, Timestamp.from(Instant.parse(start)), Timestamp.from(Instant.parse(end))).update();
    }

    @Test
    void lessonTimesComeFromTheTimetableAndCancelledLessonsAreLeftOut() {
        jdbc.sql("INSERT INTO student (school_id, lvs_id, content_hash, first_seen_at, updated_at) VALUES ('RI01', 's1', 'x', now(), now())").update();
        // a 90-minute lesson; the absence registration covers only its first 50 minutes and carries no lesson copy
        lesson("L1", "2026-11-16T07:30:00Z", "2026-11-16T09:00:00Z", false);
        absence("A1", "L1", "2026-11-16T07:30:00Z", "2026-11-16T08:20:00Z");
        // an absence on a lesson that was cancelled (vervallen) is no missed lesson
        lesson("L2", "2026-11-16T09:00:00Z", "2026-11-16T09:50:00Z", true);
        absence("A2", "L2", "2026-11-16T09:00:00Z", "2026-11-16T09:50:00Z");

        List<Absentie> absenties = inputs.absenties("RI01", "s1", LocalDate.of(2026, 8, 1));

        assertThat(absenties).singleElement().satisfies(a -> {
            assertThat(a.lvsId()).isEqualTo("A1");
            assertThat(a.lesStart()).isEqualTo(Instant.parse("2026-11-16T07:30:00Z"));
            assertThat(a.lesEind()).isEqualTo(Instant.parse("2026-11-16T09:00:00Z"));
        });
        assertThat(inputs.lessen("RI01", "s1", LocalDate.of(2026, 8, 1))).extracting(l -> l.lvsId()).containsExactly("L1");
    }

    @Test
    void theStreamedReadGivesEachMarkedStudentWhatThePerStudentReadsGive() {
        jdbc.sql("UPDATE student SET rules_dirty = FALSE WHERE school_id = 'RI01'").update();
        for (int s = 1; s <= 7; s++) {
            jdbc.sql("INSERT INTO student (school_id, lvs_id, birth_date, content_hash, first_seen_at, updated_at, rules_dirty)"
                    + " VALUES ('RI01', ?, DATE '2011-03-07', 'x', now(), now(), ?)").params("p" + s, s != 4).update();
            for (int l = 0; l < s; l++) {
                Instant start = Instant.parse("2026-11-16T07:30:00Z").plusSeconds(3600L * (7 - l));
                jdbc.sql("INSERT INTO lesson (school_id, student_lvs_id, lvs_id, lesson_date, starts_at, ends_at, cancelled,"
                                + " content_hash, updated_at) VALUES ('RI01', ?, ?, DATE '2026-11-16', ?, ?, ?, 'x', now())")
                        .params("p" + s, "L" + s + "-" + l, Timestamp.from(start), Timestamp.from(start.plusSeconds(3000)), l == 2)
                        .update();
                if (l % 2 == 0) {
                    jdbc.sql("INSERT INTO absence (school_id, lvs_id, student_lvs_id, lesson_lvs_id, absence_date, starts_at,"
                                    + " ends_at, code, verdict, content_hash, first_seen_at, updated_at) VALUES ('RI01', ?, ?, ?,"
                                    + " DATE '2026-11-16', ?, ?, 'AB', 'UNEXCUSED', 'x', now(), now())")
                            .params("A" + s + "-" + l, "p" + s, "L" + s + "-" + l, Timestamp.from(start),
                                    Timestamp.from(start.plusSeconds(3000))).update();
                }
            }
        }
        // written here by hand, not through the store: its lesson days as the store would keep them
        jdbc.sql("INSERT INTO student_lesson_day (school_id, student_lvs_id, lesson_date) SELECT DISTINCT school_id,"
                + " student_lvs_id, lesson_date FROM lesson WHERE school_id = 'RI01' AND student_lvs_id LIKE 'p%'"
                + " AND cancelled = FALSE AND deleted = FALSE").update();
        // one more lesson day without an absence: its day is read, its lessons are not
        jdbc.sql("INSERT INTO lesson (school_id, student_lvs_id, lvs_id, lesson_date, starts_at, ends_at, cancelled,"
                + " content_hash, updated_at) VALUES ('RI01', 'p5', 'L5-x', DATE '2026-11-17', TIMESTAMP WITH TIME ZONE"
                + " '2026-11-17 08:30:00+00', TIMESTAMP WITH TIME ZONE '2026-11-17 09:20:00+00', FALSE, 'x', now())").update();
        jdbc.sql("INSERT INTO student_lesson_day (school_id, student_lvs_id, lesson_date) VALUES ('RI01', 'p5', DATE '2026-11-17')")
                .update();
        LocalDate from = LocalDate.of(2026, 8, 1);
        List<String> expected = List.of("p1", "p2", "p3", "p5", "p6", "p7");
        java.util.Map<String, List<Object>> perStudent = new java.util.LinkedHashMap<>();
        for (String id : expected) {
            List<Absentie> absenties = inputs.absenties("RI01", id, from);
            java.util.Set<LocalDate> verzuimdagen = new java.util.HashSet<>(absenties.stream().map(Absentie::datum).toList());
            List<nl.lvssync.verzuim.Les> lessen = inputs.lessen("RI01", id, from);
            perStudent.put(id, List.of(inputs.leerling("RI01", id).orElseThrow(),
                    lessen.stream().filter(l -> verzuimdagen.contains(l.datum())).toList(),
                    // written by hand without their number of lessons: not known (0)
                    lessen.stream().collect(java.util.stream.Collectors.toMap(nl.lvssync.verzuim.Les::datum, l -> 0,
                            (x, y) -> x)), absenties));
        }
        assertThat(perStudent.get("p5")).element(2)
                .isEqualTo(java.util.Map.of(LocalDate.of(2026, 11, 16), 0, LocalDate.of(2026, 11, 17), 0));

        assertThat(inputs.anyMarked("RI01")).isTrue();
        java.util.Map<String, List<Object>> streamed = new java.util.LinkedHashMap<>();
        inputs.forEachMarked("RI01", from, 2, r -> streamed.put(r.leerling().lvsId(), List.of(r.leerling(), r.lessen(),
                r.lesdagen().alsMap(), r.absenties())));

        assertThat(streamed).containsExactlyEntriesOf(perStudent);
        assertThat(inputs.dirtyStudents("RI01")).isEmpty();
        assertThat(inputs.anyMarked("RI01")).as("nobody left to evaluate: an evaluation reads nothing").isFalse();
        assertThat(inputs.lesdagen("RI01", from).school()).as("the school's lesson days, from its students' read once")
                .isNotEmpty().isEqualTo(inputs.geplandeLesdagen("RI01", from));
    }
}
