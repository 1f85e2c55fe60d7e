-- Ownership health counted by SQL (issue 6, server/health/health-summary.ts): a record's history in time
-- order (the coverage series walks each record's owner changes; "first seen" asks whether a record has
-- history before the series window), and a team's history by time (the window, and the first entry dated
-- after now, which bounds how long a cached answer holds).
CREATE INDEX history_record_at ON history (team_id, record_key, at);
CREATE INDEX history_at ON history (team_id, at);
