package nl.lvssync.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.lvssync.verzuim.Verdict;
import nl.lvssync.verzuim.kalender.Regio;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/** The school of service-contract.md, written as the contract writes it, binds to every setting it names. */
class SchoolConfigurationContractTest {

    static final String CONTRACT_YAML = """
            lvs-sync:
              schools:
                - id: 02YM00                 # BRIN + vestiging; unique
                  name: Diamant College
                  lvs: magister              # magister | somtoday | csv | simulator
                  base-url: https://diamant.magister.net
                  auth: { token-url: https://accounts.magister.net/connect/token, client-id: lvs-sync, client-secret: s3cret, organisation: org-1 }
                  magister:
                    webservices-url: https://diamant.swp.nl:8800
                    webservices-user: lvssync
                    webservices-password: ws-pw
                    student-layout: LVS-Sync-Leerlingen
                    columns: { stamnummer: Stamnr }
                  somtoday:
                    vestiging: 3f1c0000-0000-0000-0000-000000000001
                  csv:
                    folder: /srv/lvs-exports/02YM00
                    columns: { students: {leerling_id: ID}, absences: {datum: Dag}, lessons: {} }
                  region: noord
                  holidays:
                    - { name: Studiedag, from: 2026-11-23, to: 2026-11-23 }
                  unit: CLOCK_HOURS
                  codes: { AB: UNEXCUSED, Z: SICK, TL: LATE }
                  schedule: "0 0 2 * * ?"
                  coordinators:
                    - { name: J. de Vries, email: j.devries@diamant.example, webhook: https://hooks.example/x }
            """;

    @Test
    void everySettingOfTheContractsSchoolIsRead() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                .load("contract", new ByteArrayResource(CONTRACT_YAML.getBytes(StandardCharsets.UTF_8)));
        ApplicationConversionService conversion = new ApplicationConversionService();
        conversion.addConverter(new VerdictConverter());
        Binder binder = new Binder(ConfigurationPropertySources.from(yaml), null, conversion);

        School s = binder.bind("lvs-sync", Bindable.of(SchoolsProperties.class)).get().schools().get(0);

        assertThat(s.id()).isEqualTo("02YM00");
        assertThat(s.name()).isEqualTo("Diamant College");
        assertThat(s.lvs()).isEqualTo(Lvs.MAGISTER);
        assertThat(s.baseUrl()).isEqualTo("https://diamant.magister.net");
        assertThat(s.auth()).isEqualTo(new School.Auth("https://accounts.magister.net/connect/token", "lvs-sync", "s3cret", "org-1"));
        assertThat(s.magister().webservicesUrl()).isEqualTo("https://diamant.swp.nl:8800");
        assertThat(s.magister().webservicesUser()).isEqualTo("lvssync");
        assertThat(s.magister().webservicesPassword()).isEqualTo("ws-pw");
        assertThat(s.magister().studentLayout()).isEqualTo("LVS-Sync-Leerlingen");
        assertThat(s.magister().columns()).containsEntry("stamnummer", "Stamnr");
        assertThat(s.somtoday().vestiging()).isEqualTo("3f1c0000-0000-0000-0000-000000000001");
        assertThat(s.csv().folder()).isEqualTo("/srv/lvs-exports/02YM00");
        assertThat(s.csv().columns()).containsEntry("students", Map.of("leerling_id", "ID"))
                .containsEntry("absences", Map.of("datum", "Dag"));
        assertThat(s.region()).isEqualTo(Regio.NOORD);
        assertThat(s.holidays()).containsExactly(new School.Holiday("Studiedag", LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23)));
        assertThat(s.unit().name()).isEqualTo("CLOCK_HOURS");
        assertThat(s.codes()).containsExactlyInAnyOrderEntriesOf(Map.of("AB", Verdict.UNEXCUSED, "Z", Verdict.SICK, "TL", Verdict.LATE));
        assertThat(s.schedule()).isEqualTo("0 0 2 * * ?");
        assertThat(s.coordinators()).hasSize(1);
        assertThat(s.coordinators().get(0).name()).isEqualTo("J. de Vries");
        assertThat(s.coordinators().get(0).email()).isEqualTo("j.devries@diamant.example");
        assertThat(s.coordinators().get(0).webhook()).isEqualTo("https://hooks.example/x");
        assertThat(s.coordinators().get(0).webhookFormat()).isEqualTo(School.WebhookFormat.GENERIC);
    }
}
