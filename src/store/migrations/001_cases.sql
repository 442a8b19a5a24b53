-- Saved cases. Written for PostgreSQL 15 (Debian) and PGlite (PostgreSQL 17/18) alike.
-- A case is reached only through the SHA-256 hash of its secret link token; the token itself
-- is never stored. Every child row cascades from the case, so deleting it deletes everything.

CREATE TABLE cases (
  id uuid PRIMARY KEY,
  token_hash bytea NOT NULL,
  language text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT cases_token_hash_key UNIQUE (token_hash),
  CONSTRAINT cases_token_hash_length CHECK (octet_length(token_hash) = 32),
  CONSTRAINT cases_language_check CHECK (language IN ('en', 'zh-Hant', 'zh-Hans'))
);

-- Every version of the profile; the highest version is the current one.
CREATE TABLE case_profiles (
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  profile jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, version)
);

-- Every assessment made, with the profile version it was made from.
CREATE TABLE case_assessments (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL,
  profile_version integer NOT NULL,
  route_id text NOT NULL,
  submitted_at timestamptz NOT NULL,
  rule_version_ids jsonb NOT NULL,
  assessment jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (case_id, profile_version) REFERENCES case_profiles (case_id, version) ON DELETE CASCADE
);
CREATE INDEX case_assessments_case_route ON case_assessments (case_id, route_id, id);

CREATE TABLE case_evidence_items (
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  position integer NOT NULL,
  label_key text NOT NULL,
  state text NOT NULL,
  note text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, item_id),
  CONSTRAINT case_evidence_items_state_check CHECK (state IN ('to_do', 'in_progress', 'done', 'not_applicable')),
  CONSTRAINT case_evidence_items_note_length CHECK (char_length(note) <= 2000)
);

CREATE TABLE case_tracker_stages (
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  stage_id text NOT NULL,
  position integer NOT NULL,
  stage_date date,
  note text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, stage_id),
  CONSTRAINT case_tracker_stages_note_length CHECK (char_length(note) <= 2000)
);

-- What changed and when: an event name and at most an id, never a value the user typed.
CREATE TABLE case_audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  event text NOT NULL,
  at timestamptz NOT NULL,
  CONSTRAINT case_audit_event_shape CHECK (event ~ '^[a-z_]+[.][a-z_]+(:[A-Za-z0-9_.-]{1,80})?$')
);
CREATE INDEX case_audit_case ON case_audit (case_id, id);

-- Fixed-window rate-limit counters, shared by every app replica.
CREATE TABLE rate_limits (
  key text NOT NULL,
  window_seconds integer NOT NULL CHECK (window_seconds > 0),
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (key, window_seconds)
);
CREATE INDEX rate_limits_window_start ON rate_limits (window_start);
