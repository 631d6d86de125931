package nl.lvssync.sync;

import java.time.LocalDate;

/** An aanmelding (enrolment) of a student in a study and class for a period. */
public record EnrolmentRecord(String lvsId, String studie, String groep, String groepOmschrijving, String lesperiode,
                              String mentor, LocalDate begin, LocalDate end, Boolean hoofdAanmelding) {
}
