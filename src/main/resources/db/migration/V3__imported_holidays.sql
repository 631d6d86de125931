-- Schoolvakanties imported from the public Rijksoverheid feed; for a school year and region they replace the
-- table shipped with the service (verzuim/schoolvakanties.csv). A school's own holidays still win over both.
CREATE TABLE imported_holiday (
    school_year  VARCHAR(9)   NOT NULL,
    region       VARCHAR(16)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    from_date    DATE         NOT NULL,
    to_date      DATE         NOT NULL,
    source       VARCHAR(500) NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (school_year, region, name)
);
