package nl.lvssync.opp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import nl.lvssync.lvs.csv.CsvTable;
import org.junit.jupiter.api.Test;

/** The OPP export as schools deliver it (lvs-apis.md, "OPP data"): every column, mapped names, bad lines, empty cells. */
class OppExportTest {

    static final String HEADER = String.join(";", OppExport.COLUMNS) + "\r\n";

    static OppExport read(String csv) {
        return OppExport.read(csv.getBytes(StandardCharsets.UTF_8), Map.of(), "auto");
    }

    @Test
    void everyColumnOfTheSpecsExportIsMapped() {
        OppExport e = read(HEADER + "4001;P-17;2;vastgesteld;01-09-2026;2026-09-10;15-06-2027;arbeid;Beschut werk bij De Zijlen;"
                + "Past bij de arbeidsvaardigheden uit de intake;31-07-2029;Route Arbeid;Stage 2 dagen per week;"
                + "Nederlands, rekenen, praktijk;TOP;Wekelijks gesprek met de coach;M. Bakker;Rekenen op niveau 1F;"
                + "Werkt zelfstandig 20 minuten;Sluit moeilijk aan bij de groep;Gemotiveerd voor praktijk;"
                + "Snel overprikkeld;2026-09-12\r\n");
        assertThat(e.clean()).isTrue();
        assertThat(e.regels()).hasSize(1);
        OppExport.Regel r = e.regels().get(0);
        assertThat(r.line()).isEqualTo(2);
        assertThat(r.versie()).isEqualTo(2);
        OppVersie v = r.inhoud();
        assertThat(v.studentLvsId()).isEqualTo("4001");
        assertThat(v.planId()).isEqualTo("P-17");
        assertThat(v.status()).isEqualTo(OppStatus.VASTGESTELD);
        assertThat(v.opgesteldOp()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(v.vastgesteldOp()).isEqualTo(LocalDate.of(2026, 9, 10));
        assertThat(v.geevalueerdOp()).isEqualTo(LocalDate.of(2027, 6, 15));
        assertThat(v.uitstroomprofiel()).isEqualTo("arbeid");
        assertThat(v.uitstroombestemming()).isEqualTo("Beschut werk bij De Zijlen");
        assertThat(v.onderbouwing()).isEqualTo("Past bij de arbeidsvaardigheden uit de intake");
        assertThat(v.beoogdeUitstroomdatum()).isEqualTo(LocalDate.of(2029, 7, 31));
        assertThat(v.leerroute()).isEqualTo("Route Arbeid");
        assertThat(v.onderwijstraject()).isEqualTo("Stage 2 dagen per week");
        assertThat(v.vakkenpakket()).isEqualTo("Nederlands, rekenen, praktijk");
        assertThat(v.arrangement()).isEqualTo("TOP");
        assertThat(v.begeleiding()).isEqualTo("Wekelijks gesprek met de coach");
        assertThat(v.coach()).isEqualTo("M. Bakker");
        assertThat(v.beginsituatieDidactisch()).isEqualTo("Rekenen op niveau 1F");
        assertThat(v.beginsituatieLeergedrag()).isEqualTo("Werkt zelfstandig 20 minuten");
        assertThat(v.beginsituatieSociaalEmotioneel()).isEqualTo("Sluit moeilijk aan bij de groep");
        assertThat(v.bevorderendeFactoren()).isEqualTo("Gemotiveerd voor praktijk");
        assertThat(v.belemmerendeFactoren()).isEqualTo("Snel overprikkeld");
        assertThat(v.instemmingOudersOp()).isEqualTo(LocalDate.of(2026, 9, 12));
        assertThat(v.ontbrekend(java.util.List.of())).isEmpty();
        assertThat(OppExport.COLUMNS).hasSize(23);
    }

    @Test
    void emptyCellsAreMissingDataNeverFilledIn() {
        OppExport e = read(HEADER + "4002;;;concept;;;;;;;;;;;;;;;;;;;\r\n");
        OppVersie v = e.regels().get(0).inhoud();
        assertThat(e.regels().get(0).versie()).isNull();
        assertThat(v.planId()).isNull();
        assertThat(v.status()).isEqualTo(OppStatus.CONCEPT);
        assertThat(v.opgesteldOp()).isNull();
        assertThat(v.vastgesteldOp()).isNull();
        assertThat(v.arrangement()).isNull();
        assertThat(v.coach()).isNull();
        assertThat(v.ontbrekend(java.util.List.of())).hasSize(OppVersie.VERPLICHT.size());
        assertThat(v.ontbrekend(java.util.List.of("vakkenpakket"))).doesNotContain("vakkenpakket")
                .hasSize(OppVersie.VERPLICHT.size() - 1);
    }

    @Test
    void columnsMappedByConfigurationInAnyOrderAndEncoding() {
        String csv = "LLNR,Versienummer,Plan,Status OPP,Datum vastgesteld,Coach,Arrangement\n"
                + "4003,v3,X9,Geëvalueerd,10-9-2026,Zoë de Vries,TOP\n";
        OppExport e = OppExport.read(csv.getBytes(Charset.forName("windows-1252")), Map.of("leerling_id", "llnr",
                "versie", "VERSIENUMMER", "plan_id", "plan", "status", "status opp", "vastgesteld_op", "datum vastgesteld"),
                "auto");
        assertThat(e.unreadable()).isNull();
        assertThat(e.separator()).isEqualTo(',');
        OppVersie v = e.regels().get(0).inhoud();
        assertThat(e.regels().get(0).versie()).isEqualTo(3);
        assertThat(v.planId()).isEqualTo("X9");
        assertThat(v.status()).isEqualTo(OppStatus.GEEVALUEERD);
        assertThat(v.vastgesteldOp()).isEqualTo(LocalDate.of(2026, 9, 10));
        assertThat(v.coach()).isEqualTo("Zoë de Vries");
        assertThat(v.arrangement()).isEqualTo("TOP");

        OppExport unmapped = read("LLNR;status\n4003;concept\n");
        assertThat(unmapped.unreadable()).contains("no column 'leerling_id'");
        assertThat(unmapped.report("opp.csv", "OPP01", java.time.Instant.EPOCH)).contains("could not be read");
    }

    @Test
    void badLinesAreNamedByNumberAndTheGoodOnesKept() {
        OppExport e = read(HEADER
                + "4001;P1;1;vastgesteld;01-09-2026;10-09-2026;;arbeid;;;;;;;;;;;;;;;\r\n"
                + ";P2;1;concept;;;;;;;;;;;;;;;;;;;\r\n"
                + "4003;P3;1;klaar;;;;;;;;;;;;;;;;;;;\r\n"
                + "4004;P4;1;concept;31-02-2026;;;;;;;;;;;;;;;;;;\r\n"
                + "4005;P5;twee;concept;;;;;;;;;;;;;;;;;;;\r\n"
                + "4006;P6;1;vastgesteld;;01-10-2026;;werk;;;;;;;;;;;;;;;\r\n");
        assertThat(e.regels()).extracting(r -> r.inhoud().studentLvsId()).containsExactly("4001", "4006");
        assertThat(e.bad()).extracting(CsvTable.BadLine::line).containsExactly(3, 4, 5, 6);
        assertThat(e.bad()).extracting(CsvTable.BadLine::reason).containsExactly("no leerling_id",
                "status 'klaar' is not one of concept, vastgesteld, geevalueerd, beeindigd",
                "opgesteld_op '31-02-2026' is not a date (dd-MM-yyyy or yyyy-MM-dd)", "versie 'twee' is not a version number");
        // an unknown uitstroomprofiel is kept as written, and reported
        assertThat(e.regels().get(1).inhoud().uitstroomprofiel()).isEqualTo("werk");
        assertThat(e.clean()).isFalse();
        String report = e.report("opp_20261120.csv", "OPP01", java.time.Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(report).contains("2 line(s) taken over, 4 not", "line 3: no leerling_id", "line 4: status 'klaar'",
                "line 7: uitstroomprofiel 'werk'");
    }
}
