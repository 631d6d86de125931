-- R5 (MAZL) has two conditions, now separate alerts: signal EPISODES (4 sick reports within 12 lesweken) and LONG
-- (the 7th consecutive lesdag of one sickness episode). The signal is part of the alert's natural key
-- (school_id, student_lvs_id, rule, signal, start_date), so existing MAZL alerts (signal '') get the signal they were
-- raised for: they keep their id, status and history, and the next evaluation finds them under the same key.
-- The rules wrote "<n> ziekmeldingen binnen <w> lesweken ..." for the first condition and "<n>de aaneengesloten lesdag
-- ziek gemeld ..." for the second. An alert whose text says neither is LONG: where both conditions had the same start
-- date the rules kept only the 7th-day finding, so that is what such an alert stood for (the 4-in-12 alert lost then
-- is raised as a new alert by the next evaluation).
UPDATE alert SET signal = 'EPISODES'
 WHERE rule = 'MAZL' AND signal = '' AND explanation LIKE '%ziekmeldingen binnen%';

UPDATE alert SET signal = 'LONG'
 WHERE rule = 'MAZL' AND signal = '';
