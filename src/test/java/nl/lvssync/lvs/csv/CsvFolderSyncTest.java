package nl.lvssync.lvs.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.lvssync.sync.SyncService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** CSV schools end to end: files dropped into watched folders become records, sync runs and reports. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CsvFolderSyncTest {

    static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("lvs-csv-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final List<String> SCHOOLS = List.of("CSV01", "CSV02", "CSV03", "CSV04", "CSV05");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:csvfolders;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("lvs-sync.clock.fixed", () -> "2026-11-20T15:00:00Z");
        registry.add("lvs-sync.sync.run-at-startup", () -> "false");
        // nothing runs by itself, but a file's arrival starts its school's run
        registry.add("lvs-sync.sync.schedules-enabled", () -> "false");
        registry.add("lvs-sync.simulator.enabled", () -> "false");
        registry.add("lvs-sync.csv.poll-delay", () -> "200ms");
        for (int i = 0; i < SCHOOLS.size(); i++) {
            String p = "lvs-sync.schools[" + i + "].";
            String id = SCHOOLS.get(i);
            registry.add(p + "id", () -> id);
            registry.add(p + "lvs", () -> "csv");
            registry.add(p + "region", () -> "noord");
            registry.add(p + "csv.folder", () -> ROOT.resolve(id).toString());
            registry.add(p + "csv.min-age", () -> "800ms");
            registry.add(p + "codes.AB", () -> "UNEXCUSED");
            registry.add(p + "codes.ZK", () -> "SICK");
        }
        registry.add("lvs-sync.schools[4].csv.done-file", () -> "{name}.done");
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SyncService sync;

    static final String STUDENTS = "leerling_id;stamnr;roepnaam;tussenvoegsel;achternaam;geboortedatum;klas;studie;locatie;email;bsn\r\n"
            + "S1;5001;Zoë;van;Dijk;07-03-2011;3a;3 havo;Hoofdlocatie;zoe@example.nl;123456782\r\n"
            + "S2;5002;Daan;;Bakker;01-05-2011;3a;3 havo;Hoofdlocatie;;\r\n";

    static void drop(String school, String name, byte[] bytes) throws IOException {
        Files.write(ROOT.resolve(school).resolve(name), bytes);
    }

    static byte[] bom(String text) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[plain.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bytes, 3, plain.length);
        return bytes;
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    static List<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    void awaitApplied(String school, int exports) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM csv_export WHERE school_id = ?"
                + " AND status = 'APPLIED'", school) >= exports
                && count("SELECT COUNT(*) FROM sync_run WHERE school_id = ? AND status = 'RUNNING'", school) == 0);
    }

    @Test
    void filesBecomeRecordsGoodLinesLandAndTheReportNamesTheBadOnes() throws Exception {
        drop("CSV01", "leerlingen.csv", STUDENTS.getBytes(Charset.forName("windows-1252")));
        drop("CSV01", "lessen_week47.csv", ("les_id;leerling_id;datum;lesuur;begintijd;eindtijd;vak;vervallen\n"
                + "L1;S1;16-11-2026;1;08:30;09:20;en;nee\nL2;S1;16-11-2026;2;09:20;10:10;ne;nee\n"
                + "L3;S1;16-11-2026;3;10:30;11:20;wi;ja\n").getBytes(StandardCharsets.UTF_8));
        drop("CSV01", "absenties_2026-11-20.csv", bom("absentie_id,leerling_id,datum,lesuur,begintijd,eindtijd,code,omschrijving,geoorloofd\n"
                + "A1,S1,2026-11-16,1,08:30,09:20,AB,Absent,nee\n"
                + "A2,S1,2026-11-16,2,09:20,10:10,AB,Absent,\n"
                + "A3,S2,2026-11-17,,10:00,11:30,ZK,Ziek,ja\n"
                + "A4,S9,2026-11-17,1,08:30,09:20,AB,Absent,nee\n"
                + "A5,S1,2026-13-01,1,08:30,09:20,AB,Absent,nee\n"
                + "A6,S2,2026-11-18,1,08:30,09:20,AB,\"Absent, gemeld\",nee\n"
                + "A7,,2026-11-18,1,08:30,09:20,AB,Absent,nee\n"));

        awaitApplied("CSV01", 3);

        Path folder = ROOT.resolve("CSV01");
        assertThat(files(folder)).isEmpty();
        assertThat(files(folder.resolve("done"))).hasSize(2).allMatch(f -> f.endsWith("leerlingen.csv") || f.endsWith("lessen_week47.csv"));
        List<String> error = files(folder.resolve("error"));
        assertThat(error).hasSize(2);
        String report = Files.readString(folder.resolve("error").resolve(error.stream().filter(f -> f.endsWith(".report.txt")).findFirst().orElseThrow()));
        assertThat(report).contains("absenties_2026-11-20.csv", "5 line(s) taken over, 2 not",
                "line 6: datum '2026-13-01' is not a date", "line 8: no leerling_id");

        Map<String, Object> zoe = jdbc.sql("SELECT * FROM student WHERE school_id = 'CSV01' AND lvs_id = 'S1'").query().singleRow();
        assertThat(zoe).containsEntry("roepnaam", "Zoë").containsEntry("klas", "3a").containsEntry("stamnr", "5001");
        assertThat(zoe.get("birth_date").toString()).isEqualTo("2011-03-07");
        // the good lines landed; S9 is no student of the students export: quarantined, like the bad lines
        assertThat(jdbc.sql("SELECT lvs_id FROM absence WHERE school_id = 'CSV01' ORDER BY lvs_id").query(String.class).list())
                .containsExactly("A1", "A2", "A3", "A6");
        Map<String, Object> a1 = jdbc.sql("SELECT * FROM absence WHERE school_id = 'CSV01' AND lvs_id = 'A1'").query().singleRow();
        assertThat(a1).containsEntry("lesson_lvs_id", "L1").containsEntry("verdict", "UNEXCUSED").containsEntry("lesuur", 1);
        assertThat(jdbc.sql("SELECT verdict FROM absence WHERE school_id = 'CSV01' AND lvs_id = 'A3'").query(String.class).single())
                .isEqualTo("SICK");
        assertThat(jdbc.sql("SELECT cancelled FROM lesson WHERE school_id = 'CSV01' AND lvs_id = 'L3'").query(Boolean.class).single())
                .isTrue();
        assertThat(jdbc.sql("SELECT record_key FROM quarantine WHERE school_id = 'CSV01' ORDER BY record_key").query(String.class).list())
                .containsExactly("absenties_2026-11-20.csv:5", "absenties_2026-11-20.csv:6", "absenties_2026-11-20.csv:8");
        Map<String, Object> run = jdbc.sql("SELECT * FROM sync_run WHERE school_id = 'CSV01' AND absences > 0").query().singleRow();
        assertThat(run).containsEntry("trigger_type", "FILE").containsEntry("status", "PARTIAL").containsEntry("absences", 4)
                .containsEntry("students", 2);
    }

    @Test
    void theSameFileDroppedTwiceIsProcessedOnce() throws Exception {
        drop("CSV02", "leerlingen.csv", STUDENTS.getBytes(StandardCharsets.UTF_8));
        awaitApplied("CSV02", 1);
        int runs = count("SELECT COUNT(*) FROM sync_run WHERE school_id = 'CSV02'");

        drop("CSV02", "leerlingen_kopie.csv", STUDENTS.getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> files(ROOT.resolve("CSV02").resolve("done")).size() == 2);

        assertThat(count("SELECT COUNT(*) FROM csv_export WHERE school_id = 'CSV02'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM camel_messageprocessed WHERE processorname = 'csv-CSV02'")).isEqualTo(1);
        Thread.sleep(500);
        assertThat(count("SELECT COUNT(*) FROM sync_run WHERE school_id = 'CSV02'")).isEqualTo(runs);
        assertThat(files(ROOT.resolve("CSV02"))).isEmpty();
    }

    @Test
    void aFileStillBeingWrittenIsReadOnlyWhenComplete() throws Exception {
        drop("CSV03", "leerlingen.csv", STUDENTS.getBytes(StandardCharsets.UTF_8));
        awaitApplied("CSV03", 1);

        Path file = ROOT.resolve("CSV03").resolve("absenties.csv");
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            out.write("absentie_id;leerling_id;datum;lesuur;begintijd;eindtijd;code;omschrijving;geoorloofd\n"
                    .getBytes(StandardCharsets.UTF_8));
            int n = 0;
            for (int round = 0; round < 12; round++) {
                for (int i = 0; i < 10; i++, n++) {
                    out.write(("G" + n + ";S" + (1 + n % 2) + ";" + (16 + n % 5) + "-11-2026;" + (1 + n / 10) + ";;;AB;Absent;nee\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                Thread.sleep(250);
            }
        }

        awaitApplied("CSV03", 2);
        assertThat(count("SELECT COUNT(*) FROM csv_export WHERE school_id = 'CSV03' AND kind = 'ABSENCES'")).isEqualTo(1);
        assertThat(count("SELECT good_lines FROM csv_export WHERE school_id = 'CSV03' AND kind = 'ABSENCES'")).isEqualTo(120);
        assertThat(count("SELECT COUNT(*) FROM absence WHERE school_id = 'CSV03' AND deleted = FALSE")).isEqualTo(120);
    }

    @Test
    void withTheDoneFileConventionAFileIsReadOnlyOnceItsDoneFileIsThere() throws Exception {
        drop("CSV05", "leerlingen.csv", STUDENTS.getBytes(StandardCharsets.UTF_8));
        Thread.sleep(2500);
        assertThat(count("SELECT COUNT(*) FROM csv_export WHERE school_id = 'CSV05'")).isZero();
        assertThat(files(ROOT.resolve("CSV05"))).containsExactly("leerlingen.csv");

        drop("CSV05", "leerlingen.csv.done", new byte[0]);
        awaitApplied("CSV05", 1);
        assertThat(count("SELECT COUNT(*) FROM student WHERE school_id = 'CSV05'")).isEqualTo(2);
        assertThat(files(ROOT.resolve("CSV05"))).isEmpty();
    }

    @Test
    void anAbsenceMissingFromALaterExportInsideItsWindowIsMarkedDeleted() throws Exception {
        drop("CSV04", "leerlingen.csv", STUDENTS.getBytes(StandardCharsets.UTF_8));
        String header = "absentie_id;leerling_id;datum;lesuur;begintijd;eindtijd;code;omschrijving;geoorloofd\n";
        drop("CSV04", "absenties_1.csv", (header + "A1;S1;16-11-2026;1;08:30;09:20;AB;Absent;nee\n"
                + "A2;S1;18-11-2026;1;08:30;09:20;AB;Absent;nee\nA3;S2;20-11-2026;1;08:30;09:20;AB;Absent;nee\n")
                .getBytes(StandardCharsets.UTF_8));
        awaitApplied("CSV04", 2);
        assertThat(count("SELECT COUNT(*) FROM absence WHERE school_id = 'CSV04' AND deleted = FALSE")).isEqualTo(3);

        // the next export covers 17 to 20 November: A2 was removed in the LVS, A1 lies before its window
        drop("CSV04", "absenties_2.csv", (header + "A3;S2;20-11-2026;1;08:30;09:20;AB;Absent;nee\n"
                + "A4;S2;17-11-2026;2;09:20;10:10;AB;Absent;nee\n").getBytes(StandardCharsets.UTF_8));
        awaitApplied("CSV04", 3);

        assertThat(jdbc.sql("SELECT lvs_id FROM absence WHERE school_id = 'CSV04' AND deleted = FALSE ORDER BY lvs_id")
                .query(String.class).list()).containsExactly("A1", "A3", "A4");
        assertThat(jdbc.sql("SELECT deleted FROM absence WHERE school_id = 'CSV04' AND lvs_id = 'A2'").query(Boolean.class).single())
                .isTrue();
    }
}
