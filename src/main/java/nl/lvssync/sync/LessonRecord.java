package nl.lvssync.sync;

import java.time.Instant;
import java.time.LocalDate;

/** A les (scheduled lesson) in one student's timetable; cancelled (vervallen) lessons are kept but not lessons. */
public record LessonRecord(String lvsId, LocalDate date, Instant start, Instant end, Integer lesuurVan,
                           Integer lesuurTot, Integer lvsStatus, boolean cancelled, String subject, String description) {
}
