package nl.lvssync.lvs.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A CSV school whose exports arrive on an SFTP server: fetched into its watched folder, then taken in as usual. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CsvSftpTest {

    static final Path REMOTE;
    static final Path LOCAL;
    static final SshServer SFTP;

    static {
        try {
            REMOTE = Files.createTempDirectory("lvs-sftp-remote");
            Files.createDirectories(REMOTE.resolve("exports"));
            LOCAL = Files.createTempDirectory("lvs-sftp-local");
            SFTP = SshServer.setUpDefaultServer();
            SFTP.setHost("127.0.0.1");
            SFTP.setPort(0);
            SFTP.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(Files.createTempDirectory("lvs-sftp-key").resolve("host.ser")));
            SFTP.setPasswordAuthenticator((user, password, session) -> "lvssync".equals(user) && "geheim".equals(password));
            SFTP.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            SFTP.setFileSystemFactory(new VirtualFileSystemFactory(REMOTE));
            SFTP.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:csvsftp;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("lvs-sync.clock.fixed", () -> "2026-11-20T15:00:00Z");
        registry.add("lvs-sync.sync.run-at-startup", () -> "false");
        registry.add("lvs-sync.sync.schedules-enabled", () -> "false");
        registry.add("lvs-sync.simulator.enabled", () -> "false");
        registry.add("lvs-sync.csv.poll-delay", () -> "200ms");
        String p = "lvs-sync.schools[0].";
        registry.add(p + "id", () -> "SFTP01");
        registry.add(p + "lvs", () -> "csv");
        registry.add(p + "csv.folder", LOCAL::toString);
        registry.add(p + "csv.min-age", () -> "500ms");
        registry.add(p + "csv.sftp.host", () -> "127.0.0.1");
        registry.add(p + "csv.sftp.port", () -> String.valueOf(SFTP.getPort()));
        registry.add(p + "csv.sftp.username", () -> "lvssync");
        registry.add(p + "csv.sftp.password", () -> "geheim");
        registry.add(p + "csv.sftp.directory", () -> "exports");
        registry.add(p + "csv.sftp.delay", () -> "300ms");
    }

    @AfterAll
    static void stop() throws IOException {
        SFTP.stop(true);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void anExportOnTheSftpServerIsFetchedAndTakenIn() throws IOException {
        Files.writeString(REMOTE.resolve("exports").resolve("leerlingen.csv"),
                "leerling_id;stamnr;roepnaam;achternaam\nS1;1;Ada;Lovelace\nS2;2;Alan;Turing\n", StandardCharsets.UTF_8);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM student WHERE school_id = 'SFTP01'")
                .query(Integer.class).single() == 2);

        assertThat(REMOTE.resolve("exports").resolve("leerlingen.csv")).doesNotExist();
        try (var done = Files.list(LOCAL.resolve("done"))) {
            assertThat(done.map(f -> f.getFileName().toString())).singleElement()
                    .satisfies(name -> assertThat(name).contains("leerlingen-sftp-").endsWith(".csv"));
        }
    }
}
