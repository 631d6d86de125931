package nl.lvssync.simulator;

/** Dutch first names, surnames and tussenvoegsels (name prefixes such as "van der") to draw from. */
final class Namen {

    static final String[] ROEPNAMEN = {
        "Sanne", "Daan", "Emma", "Sem", "Julia", "Lucas", "Mila", "Levi", "Tess", "Finn", "Sophie", "Noah",
        "Zoë", "Bram", "Lotte", "Jesse", "Fleur", "Thijs", "Anouk", "Ruben", "Lieke", "Milan", "Isa", "Luuk",
        "Noor", "Jayden", "Eva", "Stijn", "Femke", "Tim", "Sara", "Gijs", "Roos", "Mees", "Jasmijn", "Thomas",
        "Maud", "Sven", "Iris", "Lars", "Esmee", "Niels", "Yara", "Mohamed", "Fenna", "Jurre", "Nina", "Joël",
        "Amira", "Teun", "Lina", "Wessel", "Chloé", "Koen", "Elif", "Hugo", "Liv", "Mats", "Hanna", "Ayoub",
        "Merel", "Sil", "Vera", "Rayan", "Floor", "Dex", "Jade", "Olivier", "Saar", "Kerem", "Lynn", "Ties"};

    /** Surnames, each with its tussenvoegsel ("" when it has none). */
    static final String[][] ACHTERNAMEN = {
        {"de", "Jong"}, {"", "Jansen"}, {"de", "Vries"}, {"van den", "Berg"}, {"van", "Dijk"}, {"", "Bakker"},
        {"", "Janssen"}, {"", "Visser"}, {"", "Smit"}, {"", "Meijer"}, {"de", "Boer"}, {"", "Mulder"},
        {"de", "Groot"}, {"", "Bos"}, {"", "Vos"}, {"", "Peters"}, {"", "Hendriks"}, {"van", "Leeuwen"},
        {"", "Dekker"}, {"", "Brouwer"}, {"de", "Wit"}, {"", "Dijkstra"}, {"", "Smits"}, {"de", "Graaf"},
        {"van der", "Meer"}, {"van der", "Linden"}, {"", "Kok"}, {"", "Jacobs"}, {"de", "Haan"}, {"", "Vermeulen"},
        {"van den", "Heuvel"}, {"van der", "Veen"}, {"van den", "Broek"}, {"de", "Bruijn"}, {"de", "Bruin"},
        {"van der", "Heijden"}, {"", "Schouten"}, {"van", "Beek"}, {"", "Willems"}, {"van", "Vliet"},
        {"van de", "Ven"}, {"", "Hoekstra"}, {"", "Maas"}, {"", "Verhoeven"}, {"", "Koster"}, {"van", "Dam"},
        {"van der", "Wal"}, {"", "Prins"}, {"", "Blom"}, {"", "Huisman"}, {"", "Yılmaz"}, {"", "El Amrani"},
        {"ter", "Horst"}, {"", "Postma"}, {"", "Kuipers"}, {"van", "Wijk"}, {"", "Veenstra"}, {"", "Kramer"},
        {"van den", "Brink"}, {"", "Scholten"}, {"van", "Wijngaarden"}, {"", "Boukhari"}, {"", "Koç"},
        {"", "Nguyen"}, {"op den", "Camp"}, {"in 't", "Veld"}};

    private Namen() {
    }

    static String roepnaam(long h) {
        return ROEPNAMEN[Mix.below(h, ROEPNAMEN.length)];
    }

    static String[] achternaam(long h) {
        return ACHTERNAMEN[Mix.below(h, ACHTERNAMEN.length)];
    }
}
