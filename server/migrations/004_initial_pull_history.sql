-- An initial pull leaves out the "Imported from a CRM export" history rows (server/sync/pull.ts,
-- INITIAL_HISTORY_FILTER), half the rows of a freshly imported team. Without this index every page of
-- an initial pull walked all of them again to find the few it sends: 200 ms a page at 100,000 records,
-- beside the client's own IndexedDB writes on the same machine (bench/RESULTS.md, 9).
CREATE INDEX history_sync_sent_initially ON history (team_id, sync_version)
  WHERE NOT (kind = 'import' AND before IS NULL);
