package nl.lvssync.simulator;

/** A subject (vak) on the timetable: Magister's Vakken entry and the short code in an afspraak's Omschrijving. */
record Vak(int id, String afkorting, String naam) {

    static final Vak[] ALLE = {
        new Vak(1, "ne", "Nederlands"), new Vak(2, "en", "Engels"), new Vak(3, "wi", "Wiskunde"),
        new Vak(4, "gs", "Geschiedenis"), new Vak(5, "ak", "Aardrijkskunde"), new Vak(6, "bi", "Biologie"),
        new Vak(7, "na", "Natuurkunde"), new Vak(8, "sk", "Scheikunde"), new Vak(9, "du", "Duits"),
        new Vak(10, "fa", "Frans"), new Vak(11, "lo", "Lichamelijke opvoeding"), new Vak(12, "ec", "Economie"),
        new Vak(13, "mu", "Muziek"), new Vak(14, "bv", "Beeldende vorming"), new Vak(15, "mt", "Mentoruur")};
}
