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
 * The whole answer is checked before anything is stored: a feed with one bad period changes nothing.
 */
@Service
public class HolidayFeedImport {

    private static final Logger log = LoggerFactory.getLogger(HolidayFeedImport.class);

    private final OkHttpClient http;
    private final ImportedHolidays holidays;
    private final String feedUrl;
    private final Clock clock;

    public HolidayFeedImport(@Qualifier("lvsHttpClient") OkHttpClient http, ImportedHolidays holidays,
                             @Value("${lvs-sync.holidays.feed-url:https://opendata.rijksoverheid.nl/v1/sources/rijksoverheid/infotypes/schoolholidays/schoolyear/{schoolYear}?output=json}")
                             String feedUrl, Clock clock) {
        this.http = http;
        this.holidays = holidays;
        this.feedUrl = feedUrl;
        this.clock = clock;
    }

    /**
     * @param schoolYear e.g. "2027-2028"
     * @throws IllegalArgumentException when the school year is not one (the caller's fault)
     * @throws HolidayFeedException     when the feed's answer cannot be used (the feed's fault); nothing changed
     */
    public List<RijksoverheidVakanties.Vakantie> importSchoolYear(String schoolYear) {
        if (schoolYear == null || !schoolYear.matches("\\d{4}-\\d{4}")
                || Integer.parseInt(schoolYear.substring(5)) != Integer.parseInt(schoolYear.substring(0, 4)) + 1) {
            throw new IllegalArgumentException("schoolYear must be two consecutive years like 2027-2028, not '"
                    + schoolYear + "'");
        }
        String url = feedUrl.replace("{schoolYear}", schoolYear);
        String body;
        try (Response response = http.newCall(new Request.Builder().url(url).header("Accept", "application/json").build()).execute()) {
            body = response.body().string();
            if (!response.isSuccessful()) {
                throw new HolidayFeedException("holiday feed " + url + " answered HTTP " + response.code() + ": "
                        + abbreviate(body), null);
            }
        } catch (IOException e) {
            throw new HolidayFeedException("holiday feed " + url + " could not be read: " + e.getMessage(), e);
        }
        List<RijksoverheidVakanties.Vakantie> vakanties;
        try {
            vakanties = RijksoverheidVakanties.lees(body, schoolYear);
        } catch (RuntimeException e) {
            throw new HolidayFeedException(e.getMessage() + " (from " + url + "); the holidays in force are unchanged", e);
        }
        if (vakanties.isEmpty()) {
            throw new HolidayFeedException("holiday feed " + url + " holds no holidays for " + schoolYear, null);
        }
        holidays.replace(vakanties, url, clock.instant());
        log.info("Imported {} schoolvakantie period(s) for {} from {}", vakanties.size(), schoolYear, url);
        return vakanties;
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
