-- Smaller indexes for a national register (issue #12). Complaints by district and status are
-- listed through the reported-date index, as `complaint list` orders them; decision events are
-- indexed by kind, status and date, and only decisions, so that the quarterly report counts
-- them from the index alone and a registration or inspection adds no index entry.
DROP INDEX complaint_district_status;
DROP INDEX complaint_event_at;
CREATE INDEX complaint_event_at ON complaint_event(kind, to_status, at)
  WHERE kind IN ('assessed', 'approved', 'rejected', 'paid', 'appealed');
-- A claimant's complaints by incident date: a possible duplicate is looked for in a week of
-- them, its damage type read from the few rows found.
DROP INDEX complaint_claimant;
CREATE INDEX complaint_claimant ON complaint(claimant_id, incident_date);
