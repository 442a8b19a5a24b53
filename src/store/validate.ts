import type { Assessment } from '../engine/result.ts';
import { invalid } from './errors.ts';

export const LANGUAGES = ['en', 'zh-Hant', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];

export const EVIDENCE_STATES = ['to_do', 'in_progress', 'done', 'not_applicable'] as const;
export type EvidenceState = (typeof EVIDENCE_STATES)[number];

export const LIMITS = {
  noteLength: 2000,
  profileBytes: 256 * 1024,
  assessmentBytes: 2 * 1024 * 1024,
  jsonDepth: 32,
  evidenceItems: 200,
  trackerStages: 50,
  rateLimitKeyLength: 200,
  rateLimitWindowSeconds: 7 * 24 * 3600,
} as const;

/** A profile as stored: any JSON object (the caller validates it against the profile schema). */
export type ProfileData = Record<string, unknown>;

/**
 * Ids that reach the audit trail (item, stage and route ids) are restricted to this shape, so
 * that no free text — and so no personal data — can be smuggled into an audit entry.
 */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A lone UTF-16 surrogate: PostgreSQL rejects it in text and jsonb.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function storableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

export function checkId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID.test(value)) {
    throw invalid(field, `${field} must be 1–80 letters, digits, "_", "." or "-".`);
  }
  return value;
}

export function checkLabelKey(value: unknown, field: string): string {
  if (typeof value !== 'string' || !LABEL_KEY.test(value)) {
    throw invalid(field, `${field} must be 1–200 letters, digits, "_", "." or "-".`);
  }
  return value;
}

export function checkLanguage(value: unknown, field = 'language'): Language {
  if (!(LANGUAGES as readonly unknown[]).includes(value)) {
    throw invalid(field, `${field} must be one of ${LANGUAGES.join(', ')}.`);
  }
  return value as Language;
}

export function checkState(value: unknown, field = 'state'): EvidenceState {
  if (!(EVIDENCE_STATES as readonly unknown[]).includes(value)) {
    throw invalid(field, `${field} must be one of ${EVIDENCE_STATES.join(', ')}.`);
  }
  return value as EvidenceState;
}

export function checkNote(value: unknown, field = 'note'): string {
  if (typeof value !== 'string' || !storableText(value)) {
    throw invalid(field, `${field} must be text.`);
  }
  // Characters as people count them (code points), not UTF-16 units.
  let length = 0;
  for (const _ of value) {
    length += 1;
    if (length > LIMITS.noteLength)
      throw invalid(field, `${field} must be at most ${LIMITS.noteLength} characters.`);
  }
  return value;
}

/** A calendar date YYYY-MM-DD (year 0001–9999), or null. */
export function checkDate(value: unknown, field = 'date'): string | null {
  if (value === null) return null;
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const d = new Date(0);
    d.setUTCFullYear(year, month - 1, day);
    if (year >= 1 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day) {
      return value as string;
    }
  }
  throw invalid(field, `${field} must be a date YYYY-MM-DD or null.`);
}

function checkJsonValue(value: unknown, field: string, depth: number): void {
  if (depth > LIMITS.jsonDepth) throw invalid(field, `${field} is nested too deeply.`);
  switch (typeof value) {
    case 'string':
      if (!storableText(value)) throw invalid(field, `${field} contains characters that cannot be stored.`);
      return;
    case 'number':
      if (!Number.isFinite(value)) throw invalid(field, `${field} must contain only finite numbers.`);
      return;
    case 'boolean':
      return;
    case 'object': {
      if (value === null) return;
      if (Array.isArray(value)) {
        for (const item of value) checkJsonValue(item, field, depth + 1);
        return;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw invalid(field, `${field} must be plain JSON.`);
      for (const [key, item] of Object.entries(value)) {
        if (!storableText(key)) throw invalid(field, `${field} contains characters that cannot be stored.`);
        if (item !== undefined) checkJsonValue(item, field, depth + 1);
      }
      return;
    }
    default:
      throw invalid(field, `${field} must be plain JSON.`);
  }
}

/** Checks that `value` is a plain JSON object no bigger than `maxBytes`; returns its JSON text. */
export function jsonObject(value: unknown, field: string, maxBytes: number): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(field, `${field} must be a JSON object.`);
  }
  checkJsonValue(value, field, 0);
  const text = JSON.stringify(value);
  if (Buffer.byteLength(text, 'utf8') > maxBytes) throw invalid(field, `${field} is too large.`);
  return text;
}

export function checkProfile(value: unknown, field = 'profile'): string {
  return jsonObject(value, field, LIMITS.profileBytes);
}

export interface CheckedAssessment {
  json: string;
  routeId: string;
  submittedAt: string;
  ruleVersionIds: string[];
}

/** An engine Assessment (format routewise.assessment/1), with what the store indexes taken out. */
export function checkAssessment(value: unknown, field = 'assessment'): CheckedAssessment {
  const json = jsonObject(value, field, LIMITS.assessmentBytes);
  const a = value as Partial<Assessment>;
  if (a.format !== 'routewise.assessment/1')
    throw invalid(field, `${field} must be a routewise.assessment/1.`);
  const routeId = checkId(a.route?.id, `${field}.route.id`);
  const at = typeof a.submittedAt === 'string' ? Date.parse(a.submittedAt) : Number.NaN;
  if (Number.isNaN(at) || !/(Z|[+-]\d{2}:\d{2})$/.test(a.submittedAt as string)) {
    throw invalid(`${field}.submittedAt`, `${field}.submittedAt must be an instant with an offset.`);
  }
  if (!Array.isArray(a.rulesUsed) || a.rulesUsed.some((r) => typeof r?.id !== 'string')) {
    throw invalid(`${field}.rulesUsed`, `${field}.rulesUsed must list the rule versions used.`);
  }
  const ruleVersionIds = [...new Set(a.rulesUsed.map((r) => r.id))];
  return { json, routeId, submittedAt: new Date(at).toISOString(), ruleVersionIds };
}

export function checkAssessments(value: unknown, field = 'assessment'): CheckedAssessment[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.length > 20) throw invalid(field, `${field} may hold at most 20 assessments.`);
  return list.map((item, i) => checkAssessment(item, Array.isArray(value) ? `${field}[${i}]` : field));
}
