package nl.lvssync.sync;

import java.time.LocalDate;

/** A leerling (student) as read from the LVS student list, keyed by the LVS id. */
public record StudentRecord(String lvsId, String stamnr, String roepnaam, String tussenvoegsel, String achternaam,
                            LocalDate birthDate, String klas, String studie, String locatie, String email, String bsn,
                            String uitstroomprofiel, Boolean startkwalificatie) {

    public String displayName() {
        return naam(roepnaam, tussenvoegsel, achternaam);
    }

    /** "Roepnaam tussenvoegsel achternaam", leaving out what is blank. */
    public static String naam(String roepnaam, String tussenvoegsel, String achternaam) {
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {roepnaam, tussenvoegsel, achternaam}) {
            if (part != null && !part.isBlank()) {
                if (!name.isEmpty()) {
                    name.append(' ');
                }
                name.append(part.strip());
            }
        }
        return name.toString();
    }
}
