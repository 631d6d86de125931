-- The number DUO's verzuimloket gave the melding, recorded when the coordinator marks the alert reported.
ALTER TABLE alert ADD COLUMN duo_melding_nummer VARCHAR(64);
