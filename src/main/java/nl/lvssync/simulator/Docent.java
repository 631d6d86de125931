package nl.lvssync.simulator;

import java.util.Locale;

/** A teacher (docent) with Magister's three-letter docentcode. */
record Docent(int id, String naam, String docentcode) {

    /** The school's n-th teacher; the school keeps a small fixed pool of them. */
    static Docent of(long schoolHash, int n) {
        long h = Mix.hash(schoolHash, 0xD0CE27L, n);
        String[] achternaam = Namen.achternaam(h);
        String voorletter = Namen.roepnaam(Mix.mix(h)).substring(0, 1);
        String naam = voorletter + ". " + (achternaam[0].isEmpty() ? "" : achternaam[0] + " ") + achternaam[1];
        String letters = achternaam[1].replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT) + "XXX";
        // two letters of the surname plus one per teacher number keeps codes distinct enough to read
        String code = letters.substring(0, 2) + (char) ('A' + n % 26);
        return new Docent(100 + n, naam, code);
    }
}
