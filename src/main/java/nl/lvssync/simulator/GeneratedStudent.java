package nl.lvssync.simulator;

import java.time.LocalDate;

/** One generated student (leerling) as the GetData student list shows them. */
public record GeneratedStudent(
        int index,
        long personId,
        String stamnr,
        String roepnaam,
        String tussenvoegsel,
        String achternaam,
        LocalDate geboortedatum,
        Klas klas,
        String email,
        String bsn,
        Verzuimprofiel profiel) {

    public String klasNaam() {
        return klas.naam();
    }

    public String studie() {
        return klas.studie();
    }

    public String locatie() {
        return klas.locatie();
    }
}
