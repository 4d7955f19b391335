-- Money (SPEC §6, §7): an append-only double-entry ledger, approvals by two committee members.
--
-- Every movement is a transfer with two or more entries whose signed amounts sum to zero. An
-- entry adds its amount to its account's balance (a trigger keeps `balance_minor`, and `hwc check`
-- proves it equals the sum of the entries). Accounts:
--   budget   a district's budget for a year: what is still available (KZT);
--   fund     a conservancy's buffer fund: what is still available (KGS);
--   payable  payouts approved (reserved) but not yet paid, one per budget or fund;
--   paid     payouts paid, one per budget or fund;
--   source   where money came from (ministry allocations, premiums, donors, the state): negative.
-- No budget, fund, payable or paid account may go below zero: the database itself refuses it.

CREATE TABLE ledger_account (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('budget', 'fund', 'payable', 'paid', 'source')),
  currency TEXT NOT NULL CHECK (currency IN ('KZT', 'KGS')),
  district_id INTEGER REFERENCES district(id),
  conservancy_id INTEGER REFERENCES conservancy(id),
  year INTEGER CHECK (year IS NULL OR year BETWEEN 2000 AND 2100),
  -- For payable and paid accounts: the budget or fund they belong to.
  owner_id INTEGER REFERENCES ledger_account(id),
  source TEXT CHECK (source IS NULL OR source IN ('ministry', 'premium', 'donor', 'state')),
  balance_minor INTEGER NOT NULL DEFAULT 0,
  opened_at TEXT NOT NULL,
  CHECK (kind = 'source' OR balance_minor >= 0),
  CHECK (kind != 'source' OR balance_minor <= 0),
  CHECK ((kind IN ('payable', 'paid')) = (owner_id IS NOT NULL)),
  CHECK ((kind = 'source') = (source IS NOT NULL)),
  CHECK (kind != 'budget' OR (district_id IS NOT NULL AND year IS NOT NULL)),
  CHECK (kind != 'fund' OR conservancy_id IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX ledger_account_budget ON ledger_account(district_id, year) WHERE kind = 'budget';
CREATE UNIQUE INDEX ledger_account_fund ON ledger_account(conservancy_id) WHERE kind = 'fund';
CREATE UNIQUE INDEX ledger_account_owned ON ledger_account(owner_id, kind) WHERE owner_id IS NOT NULL;

CREATE TABLE ledger_transfer (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL
    CHECK (kind IN ('allocation', 'contribution', 'premium', 'reservation', 'release', 'payment')),
  -- The date of the event the transfer records (reports group money by it).
  on_date TEXT NOT NULL CHECK (on_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  complaint_id INTEGER REFERENCES complaint(id),
  insurance_id INTEGER REFERENCES herd_insurance(id),
  reverses_id INTEGER UNIQUE REFERENCES ledger_transfer(id),
  reference TEXT CHECK (reference IS NULL OR length(reference) BETWEEN 1 AND 64),
  memo TEXT CHECK (memo IS NULL OR length(memo) <= 2000),
  actor_id INTEGER NOT NULL REFERENCES app_user(id),
  at TEXT NOT NULL,
  CHECK ((kind IN ('reservation', 'release', 'payment')) = (complaint_id IS NOT NULL)),
  CHECK ((kind = 'release') = (reverses_id IS NOT NULL)),
  CHECK (kind != 'payment' OR reference IS NOT NULL)
) STRICT;
CREATE INDEX ledger_transfer_complaint ON ledger_transfer(complaint_id, id);
CREATE INDEX ledger_transfer_date ON ledger_transfer(on_date);
-- A complaint is paid once, and a bank reference pays one complaint.
CREATE UNIQUE INDEX ledger_payment_once ON ledger_transfer(complaint_id) WHERE kind = 'payment';
CREATE UNIQUE INDEX ledger_payment_reference ON ledger_transfer(reference) WHERE kind = 'payment';

CREATE TABLE ledger_entry (
  id INTEGER PRIMARY KEY,
  transfer_id INTEGER NOT NULL REFERENCES ledger_transfer(id),
  account_id INTEGER NOT NULL REFERENCES ledger_account(id),
  amount_minor INTEGER NOT NULL CHECK (amount_minor != 0)
) STRICT;
CREATE INDEX ledger_entry_transfer ON ledger_entry(transfer_id);
CREATE INDEX ledger_entry_account ON ledger_entry(account_id, transfer_id);

CREATE TRIGGER ledger_entry_posts AFTER INSERT ON ledger_entry
BEGIN
  UPDATE ledger_account SET balance_minor = balance_minor + NEW.amount_minor
  WHERE id = NEW.account_id;
END;

CREATE TRIGGER ledger_transfer_no_update BEFORE UPDATE ON ledger_transfer
BEGIN SELECT RAISE(ABORT, 'ledger transfers are never changed; post a reversing transfer'); END;
CREATE TRIGGER ledger_transfer_no_delete BEFORE DELETE ON ledger_transfer
BEGIN SELECT RAISE(ABORT, 'ledger transfers are never deleted; post a reversing transfer'); END;
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
BEGIN SELECT RAISE(ABORT, 'ledger entries are never changed; post a reversing transfer'); END;
CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted; post a reversing transfer'); END;
CREATE TRIGGER ledger_account_no_delete BEFORE DELETE ON ledger_account
BEGIN SELECT RAISE(ABORT, 'ledger accounts are never deleted'); END;
CREATE TRIGGER ledger_account_fixed BEFORE UPDATE OF id, code, kind, currency, district_id,
  conservancy_id, year, owner_id, source, opened_at ON ledger_account
BEGIN SELECT RAISE(ABORT, 'a ledger account only changes by its entries'); END;

-- One committee member's approval of one assessment; the second distinct member's approval
-- reserves the money.
CREATE TABLE approval (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaint(id),
  assessment_id INTEGER NOT NULL REFERENCES assessment(id),
  member_id INTEGER NOT NULL REFERENCES app_user(id),
  at TEXT NOT NULL,
  UNIQUE (assessment_id, member_id)
) STRICT;
CREATE INDEX approval_complaint ON approval(complaint_id);
CREATE TRIGGER approval_no_update BEFORE UPDATE ON approval
BEGIN SELECT RAISE(ABORT, 'approvals are never changed'); END;
CREATE TRIGGER approval_no_delete BEFORE DELETE ON approval
BEGIN SELECT RAISE(ABORT, 'approvals are never deleted'); END;

-- A user may be a herder too: with their national ID recorded, they cannot approve their own
-- complaint.
ALTER TABLE app_user ADD COLUMN national_id TEXT
  CHECK (national_id IS NULL OR length(national_id) IN (12, 14));
CREATE UNIQUE INDEX app_user_national_id ON app_user(national_id) WHERE national_id IS NOT NULL;

-- Users' audited state gains the national ID only when one is recorded, so states logged before
-- this migration still match.
DROP VIEW audit_state_user;
CREATE VIEW audit_state_user AS
SELECT u.id AS id, 'user:' || u.name AS entity,
  CASE WHEN u.national_id IS NULL THEN json_object('name', u.name, 'roles', (
    SELECT json_group_array(r) FROM (
      SELECT ur.role || coalesce('@' || d.name_en, '@' || c.name_en, '') AS r
      FROM user_role ur
      LEFT JOIN district d ON d.id = ur.district_id
      LEFT JOIN conservancy c ON c.id = ur.conservancy_id
      WHERE ur.user_id = u.id ORDER BY r)))
  ELSE json_object('name', u.name, 'roles', (
    SELECT json_group_array(r) FROM (
      SELECT ur.role || coalesce('@' || d.name_en, '@' || c.name_en, '') AS r
      FROM user_role ur
      LEFT JOIN district d ON d.id = ur.district_id
      LEFT JOIN conservancy c ON c.id = ur.conservancy_id
      WHERE ur.user_id = u.id ORDER BY r)), 'national_id', u.national_id) END AS state
FROM app_user u;

CREATE VIEW audit_state_account AS
SELECT a.id AS id, 'account:' || a.code AS entity,
  json_object('code', a.code, 'kind', a.kind, 'currency', a.currency, 'district', a.district_id,
    'conservancy', a.conservancy_id, 'year', a.year, 'owner', a.owner_id, 'source', a.source)
  AS state
FROM ledger_account a;

CREATE VIEW audit_state_transfer AS
SELECT t.id AS id, 'transfer:' || t.id AS entity,
  json_object('kind', t.kind, 'on', t.on_date, 'complaint', t.complaint_id,
    'insurance', t.insurance_id, 'reverses', t.reverses_id, 'reference', t.reference,
    'memo', t.memo, 'actor', t.actor_id,
    'entries', (SELECT json_group_array(json_array(e.account_id, e.amount_minor)) FROM (
      SELECT account_id, amount_minor FROM ledger_entry WHERE transfer_id = t.id ORDER BY id) e))
  AS state
FROM ledger_transfer t;

CREATE VIEW audit_state_approval AS
SELECT p.id AS id, 'approval:' || p.id AS entity,
  json_object('complaint', p.complaint_id, 'assessment', p.assessment_id, 'member', p.member_id)
  AS state
FROM approval p;
