import { z } from 'zod';
import { Profile } from './schema.ts';

const LINE_WIDTH = 110;

/**
 * JSON laid out the way the repository's formatter (Biome) lays it out, so the committed file
 * passes `biome check` byte for byte: objects one member per line, arrays of plain values on one
 * line when they fit.
 */
export function formatJson(value: unknown, indent = 0, prefixWidth = 0): string {
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + 2);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const flat = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      if (indent + prefixWidth + flat.length + 1 <= LINE_WIDTH) return flat;
    }
    const items = value.map((v) => `${inner}${formatJson(v, indent + 2)}`);
    return `[\n${items.join(',\n')}\n${pad}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const members = entries.map(([k, v]) => {
      const key = `${JSON.stringify(k)}: `;
      return `${inner}${key}${formatJson(v, indent + 2, key.length)}`;
    });
    return `{\n${members.join(',\n')}\n${pad}}`;
  }
  return JSON.stringify(value);
}

/**
 * The applicant profile as JSON Schema (draft 2020-12), generated from the zod schema with
 * `z.toJSONSchema`: the text committed as schema/profile.schema.json and printed by
 * `routewise schema profile`.
 */
export function profileJsonSchema(): string {
  return `${formatJson(z.toJSONSchema(Profile))}\n`;
}
