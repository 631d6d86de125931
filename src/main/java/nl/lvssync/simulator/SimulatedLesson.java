package nl.lvssync.simulator;

import java.time.Instant;
import java.time.LocalDate;

/** One lesson (afspraak of Type 13) of a class; every student of the class has it under the same Id. */
record SimulatedLesson(long id, LocalDate date, int lesuur, Instant start, Instant end, Vak vak, Docent docent,
                       String lokaal, int status, String klas) {

    /** Status 4 and 5 are vervallen (cancelled): the lesson does not take place. */
    boolean cancelled() {
        return status == 4 || status == 5;
    }

    String omschrijving() {
        return vak.afkorting() + " - " + docent.docentcode() + " - " + klas;
    }
}
