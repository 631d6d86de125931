package nl.lvssync.school;

/** A school year's schoolvakanties were imported from the public feed: every school's calendar may have changed. */
public record HolidaysImported(String schoolYear, int periods) {
}
