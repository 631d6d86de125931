package nl.lvssync.verzuim;

import java.time.LocalDate;

/**
 * A leerling (student) as the rules see them: only what decides the reporting duty.
 *
 * @param uitstroomprofiel VSO exit profile (vervolgonderwijs / arbeid / dagbesteding), or null
 * @param praktijkonderwijsCertificaat holds a praktijkonderwijs certificate (not kwalificatieplichtig)
 * @param startkwalificatie holds a havo, vwo or mbo-2 diploma; null when unknown
 */
public record Leerling(String lvsId, LocalDate geboortedatum, String uitstroomprofiel,
                       boolean praktijkonderwijsCertificaat, Boolean startkwalificatie) {
}
