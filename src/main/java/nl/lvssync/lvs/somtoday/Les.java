package nl.lvssync.lvs.somtoday;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A lesson of one student, from a waarneming of afspraakType LES: a lesson that takes place.
 *
 * @param afwezig the waarneming says the student was absent (waarnemingSoort "Afwezig")
 * @param reden   the waarneming's own absentieReden, when it carries one
 */
record Les(String id, String studentUuid, LocalDate date, Instant start, Instant end, Integer beginLesuur,
           Integer eindLesuur, String titel, boolean afwezig, Reden reden) {

    Les(String id, String studentUuid, LocalDate date, Instant start, Instant end, Integer beginLesuur, Integer eindLesuur,
        String titel) {
        this(id, studentUuid, date, start, end, beginLesuur, eindLesuur, titel, false, null);
    }
}
