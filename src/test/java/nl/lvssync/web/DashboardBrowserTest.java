package nl.lvssync.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.lvssync.ServiceTest;
import nl.lvssync.ServiceTestSetup;
import nl.lvssync.StubbedPupils;
import nl.lvssync.StubbedPupils.Pupil;
import nl.lvssync.sync.SyncRun;
import nl.lvssync.sync.SyncService;
import nl.lvssync.sync.SyncStatus;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard in a real browser (headless Chromium), against the whole service: a coordinator works the inbox, an
 * administrator runs a sync, and a page of another site cannot act with the coordinator's session. One Spring context
 * (the shared {@link ServiceTest} one) and one browser for all. Screenshots land in target/screenshots/.
 *
 * <p>Data, with "now" Friday 20 November 2026: at school UI01 Sem Bakker missed 16 lessons 2-5 November (a legal
 * alert whose melding deadline, 12 November, has passed), Noor de Wit 16 lessons 16-19 November (deadline 26
 * November) and Lotte Jansen 8 lessons 16-19 November (a signal, halfway to 16 hours). School UI02 is another
 * coordinator's.
 */
@ServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    static final WireMockServer lvs = ServiceTestSetup.LVS;
    static Browser browser;

    @Autowired
    SyncService sync;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    WebDriver web;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void data() {
        web = browser.driver();
        if (jdbc.sql("SELECT count(*) FROM alert WHERE school_id = 'UI01'").query(Integer.class).single() == 0) {
            stubSchool("UI01", List.of(
                    new Pupil("4001", "Sem;;Bakker", "3a", LocalDate.of(2026, 11, 2), 4),
                    new Pupil("4002", "Noor;de;Wit", "2c", LocalDate.of(2026, 11, 16), 4),
                    new Pupil("4003", "Lotte;;Jansen", "1b", LocalDate.of(2026, 11, 16), 2)), 0);
            stubSchool("UI02", List.of(new Pupil("5001", "Daan;van;Dijk", "4h", LocalDate.of(2026, 11, 16), 4)), 0);
            assertThat(syncRoute("UI01").status()).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(syncRoute("UI02").status()).isEqualTo(SyncStatus.SUCCEEDED);
        }
    }

    @Test
    @Order(1)
    void aCoordinatorWorksTheInboxAnAlertTheChartAndTheMelding() throws Exception {
        login("ui-coord", "secret");
        assertThat(web.getCurrentUrl()).endsWith("/alerts");
        List<WebElement> rows = web.findElements(By.cssSelector("#inbox tbody tr[data-alert]"));
        browser.screenshot("01-coordinator-inbox");
        // what needs action first: the overdue melding, then the one by its deadline, then the new signals
        assertThat(rows).extracting(r -> r.findElement(By.cssSelector("td")).getText())
                .startsWith("Sem Bakker", "Noor de Wit").contains("Lotte Jansen");
        assertThat(rows).extracting(r -> r.getAttribute("data-rule")).startsWith("LEGAL_16H", "LEGAL_16H");
        assertThat(rows.subList(2, rows.size())).extracting(r -> r.getAttribute("data-rule")).isNotEmpty().containsOnly("SIGNAL");
        assertThat(rows.get(0).getAttribute("class")).contains("overdue");
        assertThat(rows.get(0).getText()).contains("verstreken");
        assertThat(rows.get(1).getAttribute("class")).doesNotContain("overdue");
        assertThat(web.findElement(By.id("samenvatting")).getText()).contains("2 wettelijke meldingen te doen")
                .contains("1 over de termijn");
        assertThat(web.getPageSource()).doesNotContain("Daan"); // another school's student

        // filter by class
        new Select(web.findElement(By.id("f-status"))).selectByValue("all");
        web.findElement(By.id("f-klas")).sendKeys("2c");
        // the filter reloads the page: wait for the old one to go, or its rows are read as they vanish
        org.openqa.selenium.WebElement before = web.findElement(By.id("inbox"));
        web.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait(ExpectedConditions.stalenessOf(before));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("inbox")));
        assertThat(web.findElements(By.cssSelector("#inbox tbody tr[data-alert]"))).isNotEmpty()
                .allMatch(r -> r.getText().contains("Noor de Wit"));

        // the alert: records with their verdicts, history, then acknowledge
        web.findElement(By.cssSelector("#inbox tr[data-rule=LEGAL_16H] a")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("registraties")));
        String alertId = web.getCurrentUrl().substring(web.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("LEGAL_16H");
        assertThat(web.findElements(By.cssSelector("#registraties tbody tr"))).hasSize(16);
        assertThat(web.findElement(By.id("registraties")).getText()).contains("ongeoorloofd");
        assertThat(web.findElement(By.id("gegevens")).getText()).contains("16-11-2026 t/m 19-11-2026").contains("16.00")
                .contains("26-11-2026");
        assertThat(web.findElement(By.id("geschiedenis")).getText()).contains("Aangemaakt");
        browser.screenshot("02-coordinator-alert");
        web.findElement(By.id("acknowledge")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "In behandeling"));
        assertThat(web.findElement(By.cssSelector(".alert.ok")).getText()).contains("in behandeling");
        assertThat(web.findElement(By.id("geschiedenis")).getText()).contains("ui-coord").contains("In behandeling genomen");
        assertThat(status(alertId)).isEqualTo("ACKNOWLEDGED");
        // closing an unreported legal alert needs a reason: the browser asks for it, the server insists on it
        assertThat(web.findElement(By.id("reden")).getAttribute("required")).isNotNull();
        browser.screenshot("03-coordinator-acknowledged");

        // the melding, downloaded (and recorded in the audit log)
        try (Stream<Path> old = Files.list(browser.downloads())) {
            old.forEach(p -> p.toFile().delete());
        }
        web.findElement(By.id("melding-csv")).click();
        Path csv = browser.downloads().resolve("melding-" + alertId + ".csv");
        new WebDriverWait(web, Duration.ofSeconds(15)).until(d -> Files.exists(csv) && csv.toFile().length() > 0);
        String melding = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(melding).contains("Noor de Wit").contains("2026-11-16").contains("2026-11-19").contains("16.00");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'ui-coord' AND action = 'DOWNLOAD'"
                + " AND subject_type = 'MELDING' AND subject_id = ?").param(alertId).query(Integer.class).single()).isEqualTo(1);

        // the student's page: the chart of the school year per lesweek, holiday weeks marked, the student's alerts
        web.findElement(By.linkText("Noor de Wit (2c)")).click();
        wait(d -> "true".equals(d.findElement(By.id("verzuimgrafiek")).getAttribute("data-rendered")));
        assertThat(web.findElement(By.id("verzuimgrafiek")).getSize().getHeight()).isGreaterThan(100);
        String weeks = web.findElement(By.id("verzuimgrafiek-data")).getAttribute("textContent");
        assertThat(weeks).contains("\"holiday\":true").contains("\"unexcused\":16.0");
        assertThat(web.findElement(By.id("leerling-signalen")).getText()).contains("16 uur ongeoorloofd");
        browser.screenshot("04-coordinator-student-chart");

        // a tablet sees the same inbox
        web.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        web.get(url("/alerts"));
        browser.screenshot("05-coordinator-inbox-tablet");
        web.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

        // the search finds the school's students by class, not another school's
        web.get(url("/leerlingen?q=3a"));
        assertThat(web.findElement(By.id("resultaten")).getText()).contains("Sem Bakker").doesNotContain("Daan");
        logout();
    }

    @Test
    @Order(2)
    void aCoordinatorIsRefusedAnotherSchoolsAlertAndStudent() {
        String theirs = jdbc.sql("SELECT id FROM alert WHERE school_id = 'UI02' AND rule = 'LEGAL_16H'").query(String.class).single();
        login("ui-coord", "secret");
        web.get(url("/alerts/" + theirs));
        assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("Niet gevonden");
        assertThat(web.getPageSource()).doesNotContain("Daan");
        browser.screenshot("06-coordinator-refused-alert");
        web.get(url("/leerlingen/UI02/5001"));
        assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("Niet gevonden");
        web.get(url("/api/alerts/" + theirs + "/melding.csv"));
        assertThat(web.getPageSource()).contains("404").doesNotContain("Daan");
        web.get(url("/beheer"));
        assertThat(web.getPageSource()).doesNotContain("Synchronisatie starten");
        logout();
    }

    @Test
    @Order(3)
    void anAdministratorStartsASyncAndSeesItsProgressAndResult() {
        List<Pupil> pupils = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pupils.add(new Pupil(String.valueOf(6001 + i), "Kind;;Nummer" + i, "1a", LocalDate.of(2026, 11, 16), 1));
        }
        stubSchool("UI03", pupils, 600); // each student's absences take 0.6 s: a run of a few seconds
        login("admin", "secret");
        web.get(url("/beheer"));
        new Select(web.findElement(By.id("sync-school"))).selectByValue("UI03");
        web.findElement(By.id("start-sync-button")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.ok"), "gestart"));
        By running = By.cssSelector("tr[data-school=UI03] .running .progress-label");
        new WebDriverWait(web, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
            List<WebElement> label = d.findElements(running);
            return !label.isEmpty() && label.get(0).getText().matches("[1-5] van 6 leerlingen");
        });
        ((org.openqa.selenium.JavascriptExecutor) web).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                web.findElement(By.cssSelector("tr[data-school=UI03]")));
        browser.screenshot("07-admin-sync-progress");
        assertThat(web.findElement(By.cssSelector("tr[data-school=UI03] progress")).getAttribute("max")).isEqualTo("6");
        // the page polls until the run is over, then shows its result without a reload
        new WebDriverWait(web, Duration.ofSeconds(60)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElements(
                By.cssSelector("tr[data-school=UI03] .last-run[data-status=SUCCEEDED]")).isEmpty());
        assertThat(web.findElements(By.cssSelector("tr[data-school=UI03] .running"))).isEmpty();
        assertThat(web.findElement(By.cssSelector("tr[data-school=UI03]")).getText()).contains("geslaagd").contains("6 leerlingen");
        ((org.openqa.selenium.JavascriptExecutor) web).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                web.findElement(By.cssSelector("tr[data-school=UI03]")));
        browser.screenshot("08-admin-sync-result");
        for (String page : List.of("/beheer/quarantaine", "/beheer/notificaties", "/beheer/audit")) {
            web.get(url(page));
            assertThat(web.findElement(By.tagName("h1")).getText()).isNotBlank();
        }
        assertThat(web.findElement(By.cssSelector("table.data")).getText()).contains("ui-coord").contains("DOWNLOAD");
        browser.screenshot("09-admin-audit");
        // the API described for administrators, Swagger UI working under the pages' content security policy
        web.get(url("/swagger-ui.html"));
        new WebDriverWait(web, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector(".swagger-ui .info .title")).isEmpty()
                && d.findElement(By.cssSelector(".swagger-ui .info .title")).getText().contains("LVS Sync API"));
        assertThat(web.getPageSource()).contains("/api/alerts/{id}/acknowledge");
        browser.screenshot("10-admin-swagger-ui");
        logout();
    }

    @Test
    @Order(4)
    void aCrossSitePostWithTheSessionCookieIsRefused() {
        String lotte = jdbc.sql("SELECT id FROM alert WHERE school_id = 'UI01' AND student_lvs_id = '4003'")
                .query(String.class).list().get(0);
        login("ui-coord", "secret");
        // another site (localhost is not 127.0.0.1) posts to the service with the coordinator's browser
        String target = url("/alerts/" + lotte + "/acknowledge");
        evilPage("/evil/page.html", target);
        evilPage("/evil/api.html", url("/api/alerts/" + lotte + "/acknowledge"));
        web.get("http://localhost:" + lvs.port() + "/evil/page.html");
        new WebDriverWait(web, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("127.0.0.1"));
        browser.screenshot("11-cross-site-post-refused");
        assertThat(status(lotte)).isEqualTo("OPEN");
        // and the API path, from the same other site
        web.get("http://localhost:" + lvs.port() + "/evil/api.html");
        new WebDriverWait(web, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/api/alerts/"));
        // SameSite=Lax kept the session cookie home, so the API answers 401 with its Basic challenge, which the
        // browser holds as a login prompt over an empty page (SecurityHttpTest checks the answer itself)
        assertThat(web.getPageSource()).doesNotContain("ACKNOWLEDGED");
        assertThat(status(lotte)).isEqualTo("OPEN");
        // the coordinator's own session is still fine and can act from the service's own page
        web.get(url("/alerts/" + lotte));
        web.findElement(By.id("acknowledge")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "In behandeling"));
        assertThat(status(lotte)).isEqualTo("ACKNOWLEDGED");
        logout();
    }

    // --- helpers

    static void stubSchool(String school, List<Pupil> pupils, int absenceDelayMs) {
        StubbedPupils.stub(lvs, school, pupils, absenceDelayMs);
    }

    /** A page on another site that posts a form to the service as soon as it is opened. */
    static void evilPage(String path, String target) {
        lvs.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<!DOCTYPE html><html><body><form id=f method=post action='" + target + "'>"
                        + "<input name=note value=x></form><script>document.getElementById('f').submit()</script></body></html>")));
    }

    SyncRun syncRoute(String school) {
        return camel.requestBody("direct:sync-run", sync.start(school, "TEST").id(), SyncRun.class);
    }

    String status(String alertId) {
        return jdbc.sql("SELECT status FROM alert WHERE id = ?").param(alertId).query(String.class).single();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void login(String user, String password) {
        web.manage().deleteAllCookies();
        web.get(url("/login"));
        web.findElement(By.id("username")).sendKeys(user);
        web.findElement(By.id("password")).sendKeys(password);
        web.findElement(By.cssSelector("form button[type=submit]")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout")));
    }

    void logout() {
        web.get(url("/alerts"));
        web.findElement(By.cssSelector("form.logout button")).click();
        wait(ExpectedConditions.urlContains("/login"));
    }

    <T> T wait(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(web, Duration.ofSeconds(15)).until(condition);
    }
}
