-- Indexes for the quarterly report (SPEC §9, §11): decisions and assessments by their date.
CREATE INDEX complaint_event_at ON complaint_event(at);
CREATE INDEX assessment_assessed_at ON assessment(assessed_at);
