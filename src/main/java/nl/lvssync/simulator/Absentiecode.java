package nl.lvssync.simulator;

/**
 * The absence codes of the demo schools (their code table in application.yml) as Magister registers them:
 * the kind of registration (Verantwoordingtype) and the LVS's own verdict (Geoorloofd).
 */
enum Absentiecode {
    /** absent without a valid reason */
    AB("Absent", 1, false),
    /** ziek: sick */
    ZK("Ziek", 3, true),
    /** te laat: late */
    TL("Te laat", 2, false),
    /** te laat, geoorloofd: late with a valid reason */
    TLG("Te laat geoorloofd", 2, true),
    /** geoorloofd afwezig: excused (doctor, dentist) */
    GA("Geoorloofd afwezig", 1, true),
    /** verlof: leave granted by the school */
    VL("Verlof", 1, true),
    /** schorsing: suspended */
    SC("Geschorst", 1, true);

    final String omschrijving;
    final int verantwoordingtype;
    final boolean geoorloofd;

    Absentiecode(String omschrijving, int verantwoordingtype, boolean geoorloofd) {
        this.omschrijving = omschrijving;
        this.verantwoordingtype = verantwoordingtype;
        this.geoorloofd = geoorloofd;
    }
}
