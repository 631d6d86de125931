package nl.lvssync.sync;

import java.time.LocalDate;

/**
 * An aanmelding (enrolment) of a student in a study and class for a period, with what the OPP rules read from it:
 * the study, the group and the profile fields (profiel, profiel2), and the group's location.
 */
public record EnrolmentRecord(String lvsId, String studie, String groep, String groepOmschrijving, String lesperiode,
                              String mentor, LocalDate begin, LocalDate end, Boolean hoofdAanmelding, String profiel,
                              String profiel2, String locatie) {
}
