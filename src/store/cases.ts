import { randomUUID } from 'node:crypto';
import type { Assessment } from '../engine/result.ts';
import type { Db, Queryable } from './db.ts';
import { guard, invalid, notFound } from './errors.ts';
import { hashToken, newToken, sameHash } from './tokens.ts';
import {
  type CheckedAssessment,
  checkAssessment,
  checkAssessments,
  checkDate,
  checkId,
  checkLabelKey,
  checkLanguage,
  checkNote,
  checkProfile,
  checkState,
  type EvidenceState,
  type Language,
  LIMITS,
  type ProfileData,
} from './validate.ts';

export interface EvidenceItem {
  id: string;
  /** A message-catalogue key for the item's label (the text itself is not stored). */
  labelKey: string;
  state: EvidenceState;
  note: string;
  updatedAt: string;
}

export interface EvidenceItemInput {
  id: string;
  labelKey: string;
  /** Default: the item's current state, or "to_do" for a new item. */
  state?: EvidenceState;
  /** Default: the item's current note, or "" for a new item. */
  note?: string;
}

export interface TrackerStage {
  stageId: string;
  /** YYYY-MM-DD, or null while the stage has not happened. */
  date: string | null;
  note: string;
  updatedAt: string;
}

export interface StoredAssessment {
  id: number;
  routeId: string;
  /** The submission moment as an ISO instant in UTC (the assessment itself keeps Hong Kong time). */
  submittedAt: string;
  ruleVersionIds: string[];
  /** The profile version it was made from. */
  profileVersion: number;
  createdAt: string;
  assessment: Assessment;
}

export interface ProfileVersion {
  version: number;
  profile: ProfileData;
  createdAt: string;
}

export interface AuditEntry {
  /** e.g. "case.created", "profile.updated", "evidence.item_updated:degree-certificate". */
  event: string;
  at: string;
}

export interface CaseRecord {
  caseId: string;
  language: Language;
  createdAt: string;
  updatedAt: string;
  /** The current profile (the highest version). */
  profile: ProfileData;
  profileVersion: number;
  evidence: EvidenceItem[];
  tracker: TrackerStage[];
  /** The newest assessment of each route, by route id. All of them: `listAssessments`. */
  latestAssessments: StoredAssessment[];
}

export interface CreateCaseInput {
  profile: ProfileData;
  language: Language;
  /** One assessment, or one per route. */
  assessment?: Assessment | readonly Assessment[];
  evidence?: readonly EvidenceItemInput[];
}

export interface RateLimitResult {
  allowed: boolean;
  /** 0 when allowed; otherwise whole seconds until the window resets (at least 1). */
  retryAfterSeconds: number;
  /** Hits counted in the current window, this one included. */
  hits: number;
}

interface CaseRow {
  id: string;
  token_hash: Uint8Array;
  language: Language;
  created_at: string;
  updated_at: string;
}

interface AssessmentRow {
  id: number;
  route_id: string;
  submitted_at: string;
  rule_version_ids: string[];
  profile_version: number;
  created_at: string;
  assessment: Assessment;
}

interface EvidenceRow {
  item_id: string;
  label_key: string;
  state: EvidenceState;
  note: string;
  updated_at: string;
}

interface StageRow {
  stage_id: string;
  stage_date: string | null;
  note: string;
  updated_at: string;
}

const ASSESSMENT_COLUMNS =
  'id, route_id, submitted_at, rule_version_ids, profile_version, created_at, assessment';

function toAssessment(row: AssessmentRow): StoredAssessment {
  return {
    id: row.id,
    routeId: row.route_id,
    submittedAt: row.submitted_at,
    ruleVersionIds: row.rule_version_ids,
    profileVersion: row.profile_version,
    createdAt: row.created_at,
    assessment: row.assessment,
  };
}

function toEvidence(row: EvidenceRow): EvidenceItem {
  return {
    id: row.item_id,
    labelKey: row.label_key,
    state: row.state,
    note: row.note,
    updatedAt: row.updated_at,
  };
}

function toStage(row: StageRow): TrackerStage {
  return { stageId: row.stage_id, date: row.stage_date, note: row.note, updatedAt: row.updated_at };
}

function checkEvidenceItems(items: unknown): EvidenceItemInput[] {
  if (!Array.isArray(items)) throw invalid('items', 'items must be a list.');
  if (items.length > LIMITS.evidenceItems) {
    throw invalid('items', `A checklist may hold at most ${LIMITS.evidenceItems} items.`);
  }
  const seen = new Set<string>();
  return items.map((item: unknown, i) => {
    if (typeof item !== 'object' || item === null)
      throw invalid(`items[${i}]`, `items[${i}] must be an object.`);
    const { id, labelKey, state, note } = item as Record<string, unknown>;
    const checked: EvidenceItemInput = {
      id: checkId(id, `items[${i}].id`),
      labelKey: checkLabelKey(labelKey, `items[${i}].labelKey`),
    };
    if (state !== undefined) checked.state = checkState(state, `items[${i}].state`);
    if (note !== undefined) checked.note = checkNote(note, `items[${i}].note`);
    if (seen.has(checked.id)) throw invalid(`items[${i}].id`, `items[${i}].id repeats an earlier item.`);
    seen.add(checked.id);
    return checked;
  });
}

function checkPatch(patch: unknown, keys: readonly string[]): Record<string, unknown> {
  if (typeof patch !== 'object' || patch === null) throw invalid('changes', 'changes must be an object.');
  const present = keys.filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
  if (present.length === 0) throw invalid('changes', `changes must set ${keys.join(' or ')}.`);
  return patch as Record<string, unknown>;
}

/**
 * Saved cases, reached by secret link token, and the shared rate-limit counters. Every write is
 * one transaction that locks the case row, so concurrent writes to one case take turns.
 * Errors are always a `StoreError` (`not_found`, `invalid_input`, `storage_failure`).
 *
 * @example
 * const { token } = await store.createCase({ profile, language: 'en', assessment });
 * const saved = await store.getCase(token);
 */
export class CaseStore {
  readonly db: Db;
  readonly #clock: () => Date;

  constructor(db: Db, options: { clock?: () => Date } = {}) {
    this.db = db;
    this.#clock = options.clock ?? (() => new Date());
  }

  /** Closes the database (waits for queued work). */
  close(): Promise<void> {
    return this.db.close();
  }

  #now(): string {
    return this.#clock().toISOString();
  }

  /** Finds the case by the hash of its token; locks its row for the rest of a write transaction. */
  async #locate(tx: Queryable, token: unknown, lock: boolean): Promise<CaseRow> {
    const hash = hashToken(token);
    if (!hash) throw notFound();
    const { rows } = await tx.query<CaseRow>(
      `SELECT id, token_hash, language, created_at, updated_at FROM cases WHERE token_hash = $1${lock ? ' FOR UPDATE' : ''}`,
      [hash],
    );
    const row = rows[0];
    if (!row || !sameHash(row.token_hash, hash)) throw notFound();
    return row;
  }

  #write<T>(token: unknown, events: string[], fn: (tx: Queryable, row: CaseRow, now: string) => Promise<T>) {
    return guard(() =>
      this.db.transaction(async (tx) => {
        const row = await this.#locate(tx, token, true);
        const now = this.#now();
        const result = await fn(tx, row, now);
        await tx.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [row.id, now]);
        await this.#audit(tx, row.id, events, now);
        return result;
      }),
    );
  }

  async #audit(tx: Queryable, caseId: string, events: string[], at: string): Promise<void> {
    for (const event of events) {
      await tx.query('INSERT INTO case_audit (case_id, event, at) VALUES ($1, $2, $3)', [caseId, event, at]);
    }
  }

  async #insertAssessments(
    tx: Queryable,
    caseId: string,
    profileVersion: number,
    list: CheckedAssessment[],
    now: string,
  ): Promise<void> {
    for (const a of list) {
      await tx.query(
        `INSERT INTO case_assessments
           (case_id, profile_version, route_id, submitted_at, rule_version_ids, assessment, created_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7)`,
        [caseId, profileVersion, a.routeId, a.submittedAt, JSON.stringify(a.ruleVersionIds), a.json, now],
      );
    }
  }

  async #insertEvidence(
    tx: Queryable,
    caseId: string,
    items: EvidenceItemInput[],
    previous: Map<string, EvidenceItem>,
    now: string,
  ): Promise<void> {
    await tx.query('DELETE FROM case_evidence_items WHERE case_id = $1', [caseId]);
    for (const [position, item] of items.entries()) {
      const before = previous.get(item.id);
      const state = item.state ?? before?.state ?? 'to_do';
      const note = item.note ?? before?.note ?? '';
      const unchanged =
        before && before.state === state && before.note === note && before.labelKey === item.labelKey;
      await tx.query(
        `INSERT INTO case_evidence_items (case_id, item_id, position, label_key, state, note, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [caseId, item.id, position, item.labelKey, state, note, unchanged ? before.updatedAt : now],
      );
    }
  }

  /**
   * Saves a new case and returns its secret link token (shown once; only its hash is kept).
   *
   * @example
   * const { token, caseId } = await store.createCase({ profile, language: 'zh-Hant', assessment });
   */
  async createCase(input: CreateCaseInput): Promise<{ token: string; caseId: string }> {
    if (typeof input !== 'object' || input === null) throw invalid('input', 'input must be an object.');
    const profile = checkProfile(input.profile);
    const language = checkLanguage(input.language);
    const assessments = checkAssessments(input.assessment);
    const evidence = input.evidence === undefined ? [] : checkEvidenceItems(input.evidence);
    return guard(() =>
      this.db.transaction(async (tx) => {
        const token = newToken();
        const hash = hashToken(token) as Buffer;
        const caseId = randomUUID();
        const now = this.#now();
        await tx.query(
          'INSERT INTO cases (id, token_hash, language, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)',
          [caseId, hash, language, now],
        );
        await tx.query(
          'INSERT INTO case_profiles (case_id, version, profile, created_at) VALUES ($1, 1, $2::jsonb, $3)',
          [caseId, profile, now],
        );
        await this.#insertAssessments(tx, caseId, 1, assessments, now);
        await this.#insertEvidence(tx, caseId, evidence, new Map(), now);
        await this.#audit(
          tx,
          caseId,
          ['case.created', ...assessments.map((a) => `assessment.added:${a.routeId}`)],
          now,
        );
        return { token, caseId };
      }),
    );
  }

  /** The case as it is now: current profile, checklist, tracker and newest assessment per route. */
  async getCase(token: string): Promise<CaseRecord> {
    return guard(() =>
      this.db.transaction(async (tx) => {
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const row = await this.#locate(tx, token, false);
        const profile = await tx.query<{ version: number; profile: ProfileData }>(
          'SELECT version, profile FROM case_profiles WHERE case_id = $1 ORDER BY version DESC LIMIT 1',
          [row.id],
        );
        const evidence = await tx.query<EvidenceRow>(
          'SELECT item_id, label_key, state, note, updated_at FROM case_evidence_items WHERE case_id = $1 ORDER BY position',
          [row.id],
        );
        const stages = await tx.query<StageRow>(
          'SELECT stage_id, stage_date, note, updated_at FROM case_tracker_stages WHERE case_id = $1 ORDER BY position',
          [row.id],
        );
        const latest = await tx.query<AssessmentRow>(
          `SELECT DISTINCT ON (route_id) ${ASSESSMENT_COLUMNS} FROM case_assessments
           WHERE case_id = $1 ORDER BY route_id, id DESC`,
          [row.id],
        );
        const current = profile.rows[0];
        if (!current) throw notFound();
        return {
          caseId: row.id,
          language: row.language,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
          profile: current.profile,
          profileVersion: current.version,
          evidence: evidence.rows.map(toEvidence),
          tracker: stages.rows.map(toStage),
          latestAssessments: latest.rows.map(toAssessment),
        };
      }),
    );
  }

  /**
   * Saves a new version of the profile (earlier versions are kept) and the assessment(s) made
   * from it. Returns the new version number.
   */
  async updateProfile(
    token: string,
    profile: ProfileData,
    assessment?: Assessment | readonly Assessment[],
  ): Promise<{ profileVersion: number }> {
    const json = checkProfile(profile);
    const assessments = checkAssessments(assessment);
    return this.#write(
      token,
      ['profile.updated', ...assessments.map((a) => `assessment.added:${a.routeId}`)],
      async (tx, row, now) => {
        const { rows } = await tx.query<{ version: number }>(
          `INSERT INTO case_profiles (case_id, version, profile, created_at)
           SELECT $1, coalesce(max(version), 0) + 1, $2::jsonb, $3 FROM case_profiles WHERE case_id = $1
           RETURNING version`,
          [row.id, json, now],
        );
        const version = (rows[0] as { version: number }).version;
        await this.#insertAssessments(tx, row.id, version, assessments, now);
        return { profileVersion: version };
      },
    );
  }

  /** Records an assessment of the current profile (e.g. re-assessed after a rule change). */
  async addAssessment(token: string, assessment: Assessment): Promise<StoredAssessment> {
    const checked = checkAssessment(assessment);
    return this.#write(token, [`assessment.added:${checked.routeId}`], async (tx, row, now) => {
      const { rows } = await tx.query<{ version: number }>(
        'SELECT max(version) AS version FROM case_profiles WHERE case_id = $1',
        [row.id],
      );
      const version = (rows[0] as { version: number }).version;
      await this.#insertAssessments(tx, row.id, version, [checked], now);
      const added = await tx.query<AssessmentRow>(
        `SELECT ${ASSESSMENT_COLUMNS} FROM case_assessments WHERE case_id = $1 ORDER BY id DESC LIMIT 1`,
        [row.id],
      );
      return toAssessment(added.rows[0] as AssessmentRow);
    });
  }

  /** Every assessment of the case, oldest first; optionally of one route. */
  async listAssessments(token: string, options: { routeId?: string } = {}): Promise<StoredAssessment[]> {
    const routeId = options.routeId === undefined ? undefined : checkId(options.routeId, 'routeId');
    return guard(() =>
      this.db.transaction(async (tx) => {
        const row = await this.#locate(tx, token, false);
        const { rows } = await tx.query<AssessmentRow>(
          `SELECT ${ASSESSMENT_COLUMNS} FROM case_assessments
           WHERE case_id = $1 AND ($2::text IS NULL OR route_id = $2) ORDER BY id`,
          [row.id, routeId ?? null],
        );
        return rows.map(toAssessment);
      }),
    );
  }

  /** Every version of the profile, oldest first. */
  async listProfileVersions(token: string): Promise<ProfileVersion[]> {
    return guard(() =>
      this.db.transaction(async (tx) => {
        const row = await this.#locate(tx, token, false);
        const { rows } = await tx.query<{ version: number; profile: ProfileData; created_at: string }>(
          'SELECT version, profile, created_at FROM case_profiles WHERE case_id = $1 ORDER BY version',
          [row.id],
        );
        return rows.map((r) => ({ version: r.version, profile: r.profile, createdAt: r.created_at }));
      }),
    );
  }

  /** The audit trail, oldest first: what changed and when, never the values. */
  async listAudit(token: string): Promise<AuditEntry[]> {
    return guard(() =>
      this.db.transaction(async (tx) => {
        const row = await this.#locate(tx, token, false);
        const { rows } = await tx.query<{ event: string; at: string }>(
          'SELECT event, at FROM case_audit WHERE case_id = $1 ORDER BY id',
          [row.id],
        );
        return rows;
      }),
    );
  }

  /** Changes one checklist item's state and/or note. `not_found` when the item is not in the checklist. */
  async updateEvidence(
    token: string,
    itemId: string,
    changes: { state?: EvidenceState; note?: string },
  ): Promise<EvidenceItem> {
    const id = checkId(itemId, 'itemId');
    const patch = checkPatch(changes, ['state', 'note']);
    const state = patch.state === undefined ? null : checkState(patch.state);
    const note = patch.note === undefined ? null : checkNote(patch.note);
    return this.#write(token, [`evidence.item_updated:${id}`], async (tx, row, now) => {
      const { rows } = await tx.query<EvidenceRow>(
        `UPDATE case_evidence_items
           SET state = coalesce($3, state), note = coalesce($4, note), updated_at = $5
           WHERE case_id = $1 AND item_id = $2
           RETURNING item_id, label_key, state, note, updated_at`,
        [row.id, id, state, note, now],
      );
      const updated = rows[0];
      if (!updated) throw notFound('No such item in the evidence checklist.');
      return toEvidence(updated);
    });
  }

  /**
   * Replaces the checklist with `items`, in that order. Items already present keep their state
   * and note unless given; items left out are removed.
   */
  async setEvidenceItems(token: string, items: readonly EvidenceItemInput[]): Promise<EvidenceItem[]> {
    const checked = checkEvidenceItems(items);
    return this.#write(token, ['evidence.items_set'], async (tx, row, now) => {
      const before = await tx.query<EvidenceRow>(
        'SELECT item_id, label_key, state, note, updated_at FROM case_evidence_items WHERE case_id = $1',
        [row.id],
      );
      const previous = new Map(before.rows.map((r) => [r.item_id, toEvidence(r)]));
      await this.#insertEvidence(tx, row.id, checked, previous, now);
      const after = await tx.query<EvidenceRow>(
        'SELECT item_id, label_key, state, note, updated_at FROM case_evidence_items WHERE case_id = $1 ORDER BY position',
        [row.id],
      );
      return after.rows.map(toEvidence);
    });
  }

  /** Sets a tracker stage's date (YYYY-MM-DD or null) and/or note, adding the stage if new. */
  async updateTrackerStage(
    token: string,
    stageId: string,
    changes: { date?: string | null; note?: string },
  ): Promise<TrackerStage> {
    const id = checkId(stageId, 'stageId');
    const patch = checkPatch(changes, ['date', 'note']);
    const setDate = patch.date !== undefined;
    const date = setDate ? checkDate(patch.date) : null;
    const note = patch.note === undefined ? null : checkNote(patch.note);
    return this.#write(token, [`tracker.stage_updated:${id}`], async (tx, row, now) => {
      const { rows: existing } = await tx.query<{ stage_id: string }>(
        'SELECT stage_id FROM case_tracker_stages WHERE case_id = $1',
        [row.id],
      );
      if (!existing.some((s) => s.stage_id === id) && existing.length >= LIMITS.trackerStages) {
        throw invalid('stageId', `A tracker may hold at most ${LIMITS.trackerStages} stages.`);
      }
      const { rows } = await tx.query<StageRow>(
        `INSERT INTO case_tracker_stages AS s (case_id, stage_id, position, stage_date, note, updated_at)
           VALUES ($1, $2, $3, $4::date, coalesce($5, ''), $6)
           ON CONFLICT (case_id, stage_id) DO UPDATE SET
             stage_date = CASE WHEN $7::boolean THEN EXCLUDED.stage_date ELSE s.stage_date END,
             note = coalesce($5, s.note),
             updated_at = EXCLUDED.updated_at
           RETURNING stage_id, stage_date, note, updated_at`,
        [row.id, id, existing.length, date, note, now, setDate],
      );
      return toStage(rows[0] as StageRow);
    });
  }

  /** Sets the case's language. */
  async setLanguage(token: string, language: Language): Promise<void> {
    const checked = checkLanguage(language);
    return this.#write(token, ['language.updated'], async (tx, row) => {
      await tx.query('UPDATE cases SET language = $2 WHERE id = $1', [row.id, checked]);
    });
  }

  /** Deletes the case and every row that belongs to it, audit trail included, in one transaction. */
  async deleteCase(token: string): Promise<void> {
    return guard(() =>
      this.db.transaction(async (tx) => {
        const row = await this.#locate(tx, token, true);
        // Children first, explicitly (the foreign keys also cascade).
        for (const table of [
          'case_audit',
          'case_assessments',
          'case_evidence_items',
          'case_tracker_stages',
          'case_profiles',
        ]) {
          await tx.query(`DELETE FROM ${table} WHERE case_id = $1`, [row.id]);
        }
        await tx.query('DELETE FROM cases WHERE id = $1', [row.id]);
      }),
    );
  }

  /**
   * Counts a hit against `key` in a fixed window of `windowSeconds`, atomically in one SQL
   * statement, so every app replica shares the count. Allowed while the window's hits ≤ `max`.
   *
   * @example
   * const { allowed, retryAfterSeconds } = await store.hitRateLimit(`create:${ip}`, 60, 10);
   * if (!allowed) return tooManyRequests(retryAfterSeconds);
   */
  async hitRateLimit(key: string, windowSeconds: number, max: number): Promise<RateLimitResult> {
    if (typeof key !== 'string' || key.length === 0 || key.length > LIMITS.rateLimitKeyLength) {
      throw invalid('key', `key must be 1–${LIMITS.rateLimitKeyLength} characters.`);
    }
    checkNote(key, 'key');
    if (
      !Number.isInteger(windowSeconds) ||
      windowSeconds < 1 ||
      windowSeconds > LIMITS.rateLimitWindowSeconds
    ) {
      throw invalid('windowSeconds', 'windowSeconds must be a whole number of seconds, at most a week.');
    }
    if (!Number.isInteger(max) || max < 1) throw invalid('max', 'max must be a positive whole number.');
    const nowMs = this.#clock().getTime();
    const windowMs = windowSeconds * 1000;
    const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs).toISOString();
    return guard(async () => {
      // A hit from a replica whose clock lags counts towards the newer window already stored.
      const { rows } = await this.db.query<{ hits: number; window_start: string }>(
        `INSERT INTO rate_limits AS r (key, window_seconds, window_start, hits)
         VALUES ($1, $2, $3, 1)
         ON CONFLICT (key, window_seconds) DO UPDATE SET
           hits = CASE WHEN EXCLUDED.window_start > r.window_start THEN 1 ELSE least(r.hits, 2000000000) + 1 END,
           window_start = greatest(r.window_start, EXCLUDED.window_start)
         RETURNING hits, window_start`,
        [key, windowSeconds, windowStart],
      );
      const row = rows[0] as { hits: number; window_start: string };
      if (row.hits <= max) return { allowed: true, retryAfterSeconds: 0, hits: row.hits };
      const resetMs = Date.parse(row.window_start) + windowMs;
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((resetMs - nowMs) / 1000)),
        hits: row.hits,
      };
    });
  }

  /** Deletes rate-limit counters whose window has ended; returns how many. Run it now and then. */
  async pruneRateLimits(): Promise<number> {
    const now = this.#now();
    return guard(async () => {
      const { rowCount } = await this.db.query(
        `DELETE FROM rate_limits WHERE window_start + window_seconds * interval '1 second' <= $1::timestamptz`,
        [now],
      );
      return rowCount;
    });
  }
}
