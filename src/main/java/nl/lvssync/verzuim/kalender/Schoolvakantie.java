package nl.lvssync.verzuim.kalender;

import java.time.LocalDate;

/** A school holiday: first and last day off, both inclusive. */
public record Schoolvakantie(String name, LocalDate from, LocalDate to) {

    public Schoolvakantie {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("holiday " + name + " ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
