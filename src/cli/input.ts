import { readFileSync } from 'node:fs';
import { CliError, type Message } from './options.ts';

/** Where a JSON text first goes wrong, as a 0-based offset and the kind of problem. */
export interface JsonProblem {
  offset: number;
  kind: 'end' | 'char' | 'trailing';
}

/**
 * Finds the first syntax error in a JSON text (RFC 8259). JSON.parse only says where for some
 * errors and in a form that changes between Node versions; this says it for all of them.
 * Returns undefined when the text is valid.
 */
export function locateJsonError(text: string): JsonProblem | undefined {
  let i = 0;
  const n = text.length;
  class Stop {
    constructor(readonly problem: JsonProblem) {}
  }
  const fail = (kind?: JsonProblem['kind']): never => {
    throw new Stop({ offset: i, kind: kind ?? (i >= n ? 'end' : 'char') });
  };
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const digits = () => {
    const start = i;
    while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === start) fail();
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= n) fail();
      const ch = text[i] as string;
      if (ch === '"') {
        i++;
        return;
      }
      if (ch < ' ') fail();
      if (ch === '\\') {
        i++;
        const esc = text[i];
        if (esc === 'u') {
          i++;
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail();
            i++;
          }
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i++;
        else fail();
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail();
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail();
      }
    }
    if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else fail();
  };
  try {
    value();
    ws();
    if (i < n) fail('trailing');
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return e.problem;
    throw e;
  }
}

/** 1-based line and column (in characters) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Parses JSON, or throws a CliError naming the line, column and problem. */
export function parseJson(text: string, file: string | Message): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch {
    const problem = locateJsonError(body) ?? { offset: body.length, kind: 'end' as const };
    const { line, column } = lineColumn(body, problem.offset);
    const char = body[problem.offset];
    const shown = char === undefined ? '' : JSON.stringify(char);
    const key =
      problem.kind === 'end' ? 'json.end' : problem.kind === 'trailing' ? 'json.trailing' : 'json.char';
    throw new CliError('error.json', { file, line, column, problem: { key, params: { char: shown } } });
  }
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a file, or standard input for "-". */
export async function readInput(path: string, stdin: NodeJS.ReadableStream): Promise<string> {
  if (path === '-') return readStdin(stdin);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('error.fileMissing', { file: path });
    if (code === 'EISDIR') throw new CliError('error.fileIsDirectory', { file: path });
    throw new CliError('error.fileUnreadable', { file: path, reason: code ?? String(e) });
  }
}
