package nl.lvssync.lvs.somtoday;

import java.util.Locale;

/** An absentiereden (absence reason): its abbreviation, description, kind (absentieSoort) and Somtoday's verdict. */
record Reden(String afkorting, String omschrijving, String absentieSoort, Boolean geoorloofd) {

    boolean teLaat() {
        return absentieSoort != null && absentieSoort.replaceAll("[^A-Za-z]", "").equalsIgnoreCase("telaat");
    }

    /**
     * The kind as the code table knows it (Magister's verantwoordingtype): 2 te laat, 4 uit de les gestuurd,
     * 7 materiaal vergeten, 8 huiswerk vergeten, else 1 absent. Somtoday has no "ziek" kind: sickness comes from the
     * school's code table on the abbreviation.
     */
    int verantwoordingtype() {
        if (absentieSoort == null) {
            return 1;
        }
        String s = absentieSoort.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
        return switch (s) {
            case "telaat" -> 2;
            case "verwijderd", "uitlesverwijderd", "eruitgestuurd" -> 4;
            case "materiaal", "boeken", "boekvergeten", "materiaalvergeten" -> 7;
            case "huiswerk", "huiswerkvergeten" -> 8;
            default -> 1;
        };
    }

    /** This reason with what it left out taken from the school's list of reasons. */
    Reden completedBy(Reden listed) {
        if (listed == null) {
            return this;
        }
        return new Reden(afkorting, omschrijving != null ? omschrijving : listed.omschrijving(),
                absentieSoort != null ? absentieSoort : listed.absentieSoort(),
                geoorloofd != null ? geoorloofd : listed.geoorloofd());
    }
}
