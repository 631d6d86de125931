-- What the OPP rules will read from an aanmelding besides study and group: Magister's Profiel and Profiel2 (the
-- camelCase variant's profielen) and the group's location.
ALTER TABLE enrolment ADD COLUMN profiel VARCHAR(200);
ALTER TABLE enrolment ADD COLUMN profiel2 VARCHAR(200);
ALTER TABLE enrolment ADD COLUMN locatie VARCHAR(64);
