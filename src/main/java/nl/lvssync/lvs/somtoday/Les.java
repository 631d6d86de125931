package nl.lvssync.lvs.somtoday;

import java.time.Instant;
import java.time.LocalDate;

/** A lesson of one student, from a waarneming of afspraakType LES: a lesson that takes place. */
record Les(String id, String studentUuid, LocalDate date, Instant start, Instant end, Integer beginLesuur,
           Integer eindLesuur, String titel) {
}
