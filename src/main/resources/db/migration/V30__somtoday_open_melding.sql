-- Somtoday absentiemeldingen that were still open (no eindDatumTijd) at a school's last run. The next run reads
-- meldingen from the earliest of their begin dates, so an open melding is re-read until it closes, whatever date
-- filter the LVS applies. Owned by the Somtoday connector (nl.lvssync.lvs.somtoday).
CREATE TABLE somtoday_open_melding (
    school_id       VARCHAR(32)  NOT NULL,
    melding_id      VARCHAR(64)  NOT NULL,
    student_lvs_id  VARCHAR(64)  NOT NULL,
    begin_date      DATE         NOT NULL,
    PRIMARY KEY (school_id, melding_id)
);
