package nl.lvssync.verzuim;

import java.time.Instant;
import java.time.LocalDate;

/** A les (scheduled lesson) in the student's timetable that actually took place (not cancelled). */
public record Les(String lvsId, LocalDate datum, Instant start, Instant eind) {
}
