package nl.lvssync.simulator;

/**
 * How many students of a simulated school have each verzuimprofiel, in percent (the rest is REGULIER). The default is
 * what real schools see: a few percent of students reach 16 unexcused hours in a school year, a thuiszitter is rare,
 * so a demo inbox of 150 students holds a handful of legal alerts, not dozens. {@link #DICHT} packs every pattern into
 * a small school, for tests that want to see each one.
 */
public record Verzuimmix(double thuiszitter, double spijbelaar, double maandag, double ziek, double teLaat, double luxe) {

    /** lvs-sync.simulator.mix defaults: realistic shares. */
    public static final Verzuimmix REALISTISCH = new Verzuimmix(0.3, 2, 2, 4, 2, 1.5);
    /** Every profile in any 50 students: the mix the simulator had before it was made realistic. */
    public static final Verzuimmix DICHT = new Verzuimmix(2, 6, 6, 8, 8, 4);

    private static final double GOLDEN = 0.6180339887498949;

    public Verzuimmix {
        for (double share : new double[] {thuiszitter, spijbelaar, maandag, ziek, teLaat, luxe}) {
            if (share < 0 || Double.isNaN(share)) {
                throw new IllegalArgumentException("lvs-sync.simulator.mix: a share is a percentage of at least 0");
            }
        }
        if (thuiszitter + spijbelaar + maandag + ziek + teLaat + luxe > 100) {
            throw new IllegalArgumentException("lvs-sync.simulator.mix: the shares add up to more than 100%");
        }
    }

    /**
     * The profile of a student: the students' positions on a golden-ratio sequence (offset per school) fall into the
     * profiles' bands, so any run of students holds each profile close to its share, and a school's own hash decides
     * which students they are.
     */
    Verzuimprofiel profiel(long schoolHash, int index) {
        double offset = Mix.unit(Mix.hash(schoolHash, 0x50F11EL));
        double p = ((offset + index * GOLDEN) % 1.0) * 100;
        double[] bands = {thuiszitter, spijbelaar, maandag, ziek, teLaat, luxe};
        Verzuimprofiel[] profiles = {Verzuimprofiel.THUISZITTER, Verzuimprofiel.SPIJBELAAR, Verzuimprofiel.MAANDAG,
                Verzuimprofiel.ZIEK, Verzuimprofiel.TE_LAAT, Verzuimprofiel.LUXE};
        double upTo = 0;
        for (int i = 0; i < bands.length; i++) {
            upTo += bands[i];
            if (p < upTo) {
                return profiles[i];
            }
        }
        return Verzuimprofiel.REGULIER;
    }
}
