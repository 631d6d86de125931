package nl.lvssync.alert;

import java.time.LocalDate;
import java.util.List;

/**
 * What a coordinator types into DUO's verzuimloket for one alert (a melding): begin and end date, hours,
 * soort verzuim, all lessons missed, the verzuimdagen, and who reports it.
 */
record DuoMelding(String alertId, String brin, String school, String leerling, String stamnr, LocalDate geboortedatum,
                         String bsn, String klas, String soortVerzuim, LocalDate begindatum, LocalDate einddatum,
                         Double uren, Boolean alleLessenGemist, List<LocalDate> verzuimdagen, String melder,
                         LocalDate deadline) {

    static String soort(String rule) {
        return switch (rule) {
            case "LEGAL_16H" -> "Ongeoorloofd verzuim: 16 uur binnen 4 lesweken (Lpw art. 21a)";
            case "LRV" -> "Langdurig relatief verzuim (meer dan 4 lesweken)";
            case "LUXE" -> "Luxe verzuim (schooldag voor of na een vakantie)";
            default -> throw new IllegalArgumentException(rule + " is not a melding to DUO");
        };
    }

    private static final String[] HEADER = {"alert", "brin_vestiging", "school", "leerling", "stamnummer", "geboortedatum",
            "bsn", "klas", "soort_verzuim", "begindatum", "einddatum", "aantal_uren", "alle_lessen_gemist",
            "aantal_verzuimdagen", "verzuimdagen", "melder", "uiterste_melddatum"};

    /** One header row and one data row, ;-separated, UTF-8 with a BOM so spreadsheet programs read the accents. */
    public String csv() {
        String[] values = {alertId, brin, school, leerling, stamnr, str(geboortedatum), bsn, klas, soortVerzuim,
                str(begindatum), str(einddatum), uren == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", uren),
                alleLessenGemist == null ? "onbekend" : alleLessenGemist ? "ja" : "nee", String.valueOf(verzuimdagen.size()),
                String.join(",", verzuimdagen.stream().map(LocalDate::toString).toList()), melder, str(deadline)};
        return "\uFEFF" + String.join(";", HEADER) + "\r\n"
                + String.join(";", java.util.Arrays.stream(values).map(DuoMelding::cell).toList()) + "\r\n";
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    /**
     * A cell as spreadsheet programs read it safely: one starting with =, +, -, @, a tab or a carriage return would be
     * taken as a formula (CSV injection), so it gets a leading apostrophe; ; " and line breaks are quoted.
     */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
