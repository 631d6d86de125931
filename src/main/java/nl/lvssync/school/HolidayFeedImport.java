package nl.lvssync.school;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import nl.lvssync.verzuim.kalender.RijksoverheidVakanties;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Imports a school year's schoolvakanties from the public Rijksoverheid feed, for machines that can reach it.
 * Every school's rules are evaluated again afterwards, because its calendar changed.
 */
@Service
class HolidayFeedImport {

    private static final Logger log = LoggerFactory.getLogger(HolidayFeedImport.class);

    private final OkHttpClient http;
    private final ImportedHolidays holidays;
    private final String feedUrl;
    private final Clock clock;

    HolidayFeedImport(@Qualifier("lvsHttpClient") OkHttpClient http, ImportedHolidays holidays,
                             @Value("${lvs-sync.holidays.feed-url:https://opendata.rijksoverheid.nl/v1/sources/rijksoverheid/infotypes/schoolholidays/schoolyear/{schoolYear}?output=json}")
                             String feedUrl, Clock clock) {
        this.http = http;
        this.holidays = holidays;
        this.feedUrl = feedUrl;
        this.clock = clock;
    }

    /** @param schoolYear e.g. "2027-2028" */
    public List<RijksoverheidVakanties.Vakantie> importSchoolYear(String schoolYear) {
        if (schoolYear == null || !schoolYear.matches("\\d{4}-\\d{4}")) {
            throw new IllegalArgumentException("schoolYear must look like 2027-2028");
        }
        String url = feedUrl.replace("{schoolYear}", schoolYear);
        try (Response response = http.newCall(new Request.Builder().url(url).header("Accept", "application/json").build()).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw new IllegalStateException("holiday feed " + url + " answered HTTP " + response.code());
            }
            List<RijksoverheidVakanties.Vakantie> vakanties = RijksoverheidVakanties.lees(body).stream()
                    .filter(v -> v.schooljaar().equals(schoolYear)).toList();
            if (vakanties.isEmpty()) {
                throw new IllegalStateException("holiday feed " + url + " holds no holidays for " + schoolYear);
            }
            holidays.replace(vakanties, url, clock.instant());
            log.info("Imported {} schoolvakantie period(s) for {} from {}", vakanties.size(), schoolYear, url);
            return vakanties;
        } catch (IOException e) {
            throw new IllegalStateException("holiday feed " + url + " could not be read: " + e.getMessage(), e);
        }
    }
}
