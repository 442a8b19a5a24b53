import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  DependantsFile,
  ExclusionsFile,
  ExtensionWindowFile,
  type ExtensionWindowVersion,
  FeesFile,
  PrerequisitesFile,
  RouteFile,
  SelectionFile,
  type Source,
  type SourceRef,
  SourcesFile,
  StayFile,
  StepsFile,
  TestFile,
} from './schema.ts';
import type { Dated, RouteRules, TestRules } from './types.ts';

/** The rules folder shipped with Routewise. */
export const RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../rules');

export interface RuleProblem {
  file: string;
  line: number;
  path: string;
  message: string;
}

/** A rule file that does not parse or does not match its schema: every problem, with file:line. */
export class RuleFileError extends Error {
  constructor(readonly problems: RuleProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'));
    this.name = 'RuleFileError';
  }
}

export interface Parsed<T> {
  value: T;
  /** Where the file is, for error messages a person reads at the command line. */
  file: string;
  /** The file relative to the rules root (e.g. "hk/qmas/fees.yaml"): cited in results, so stable wherever Routewise runs. */
  ruleFile: string;
  lineOf: (path: ReadonlyArray<PropertyKey>) => number;
}

/** Reads, parses and validates one YAML rule file, adding every problem with its line. */
export function parseFile<S extends z.ZodType>(
  path: string,
  schema: S,
  problems: RuleProblem[],
  root: string,
): Parsed<z.infer<S>> | undefined {
  const file = relative(process.cwd(), path) || path;
  const ruleFile = relative(root, path).split(sep).join('/');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    problems.push({ file, line: 0, path: '', message: 'file is missing or unreadable' });
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      problems.push({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        path: '',
        message: e.message.split('\n')[0] ?? e.message,
      });
    }
    return undefined;
  }
  const lineOf = (p: ReadonlyArray<PropertyKey>): number => {
    // Walk up to the deepest node that exists: a missing key is reported at its parent.
    for (let depth = p.length; depth >= 0; depth--) {
      const node = doc.getIn(p.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, line: lineOf(issue.path), path: issue.path.join('.'), message: issue.message });
    }
    return undefined;
  }
  return { value: result.data, file, ruleFile, lineOf };
}

interface VersionLike {
  id: string;
  from: string;
  sources: SourceRef[];
}

/** Orders versions, checks their dates and ids, and gives each the end of its period. */
export function dated<T extends VersionLike>(
  parsed: Parsed<{ versions: T[] }>,
  problems: RuleProblem[],
  key = 'versions',
): Array<Dated<T>> {
  const versions = parsed.value.versions;
  const ids = new Set<string>();
  versions.forEach((v, i) => {
    if (ids.has(v.id))
      problems.push({
        file: parsed.file,
        line: parsed.lineOf([key, i, 'id']),
        path: `${key}.${i}.id`,
        message: `duplicate version id "${v.id}"`,
      });
    ids.add(v.id);
    const prev = versions[i - 1];
    if (prev && Date.parse(prev.from) >= Date.parse(v.from)) {
      problems.push({
        file: parsed.file,
        line: parsed.lineOf([key, i, 'from']),
        path: `${key}.${i}.from`,
        message: `versions must be in chronological order: ${v.from} is not after ${prev.from}`,
      });
    }
  });
  return versions.map((v, i) => {
    const next = versions[i + 1];
    return {
      ...v,
      file: parsed.ruleFile,
      fromMs: Date.parse(v.from),
      to: next?.from ?? null,
      toMs: next ? Date.parse(next.from) : null,
    };
  });
}

/** Every `ref` in a parsed file must name a source in sources.yaml. */
export function checkRefs(
  parsed: Parsed<unknown>,
  sources: Record<string, unknown>,
  problems: RuleProblem[],
): void {
  const walk = (value: unknown, path: PropertyKey[]): void => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, [...path, i]);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'ref' && typeof v === 'string' && !(v in sources)) {
          problems.push({
            file: parsed.file,
            line: parsed.lineOf([...path, k]),
            path: [...path, k].join('.'),
            message: `unknown source "${v}" (not in sources.yaml)`,
          });
        }
        walk(v, [...path, k]);
      }
    }
  };
  walk(parsed.value, []);
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The sources a route's rules may cite: the jurisdiction's sources.yaml (the folder above) and the
 * route's own sources.yaml when it has one (sources only that route cites). undefined when the
 * jurisdiction's file cannot be read; every problem goes to `problems`.
 */
export function routeSources(
  dir: string,
  problems: RuleProblem[],
  root: string,
): { sources: Record<string, Source> } | undefined {
  const shared = parseFile(join(dir, '..', 'sources.yaml'), SourcesFile, problems, root);
  const own = existsSync(join(dir, 'sources.yaml'))
    ? parseFile(join(dir, 'sources.yaml'), SourcesFile, problems, root)
    : undefined;
  if (!shared) return undefined;
  for (const id of Object.keys(own?.value.sources ?? {})) {
    if (own && id in shared.value.sources) {
      problems.push({
        file: own.file,
        line: own.lineOf(['sources', id]),
        path: `sources.${id}`,
        message: `"${id}" is already defined in the jurisdiction's sources.yaml`,
      });
    }
  }
  return { sources: { ...shared.value.sources, ...own?.value.sources } };
}

/**
 * Loads, validates and freezes one route's rules from its folder (e.g. rules/hk/qmas), with the
 * jurisdiction's sources.yaml from the folder above. Throws RuleFileError listing every problem.
 */
export function loadRoute(dir: string): RouteRules {
  const problems: RuleProblem[] = [];
  const root = join(dir, '..', '..');
  const sourcesFile = routeSources(dir, problems, root);
  const sources = sourcesFile?.sources ?? {};
  const route = parseFile(join(dir, 'route.yaml'), RouteFile, problems, root);
  const part = <S extends z.ZodType>(name: string, schema: S) => {
    const parsed = parseFile(join(dir, `${name}.yaml`), schema, problems, root);
    if (parsed && sourcesFile) checkRefs(parsed, sources, problems);
    return parsed;
  };
  if (route && sourcesFile) checkRefs(route, sources, problems);

  const prerequisites = part('prerequisites', PrerequisitesFile);
  const exclusions = part('exclusions', ExclusionsFile);
  const fees = part('fees', FeesFile);
  const stay = part('stay', StayFile);
  const dependants = part('dependants', DependantsFile);
  const steps = part('steps', StepsFile);
  const selection = part('selection', SelectionFile);
  const extensionWindow = loadExtensionWindow(
    dir,
    problems,
    root,
    route?.value.tests,
    sourcesFile && sources,
  );
  const tests: TestRules[] = [];
  for (const id of route?.value.tests ?? []) {
    const test = part(id, TestFile);
    if (!test) continue;
    if (test.value.id !== id) {
      problems.push({
        file: test.file,
        line: test.lineOf(['id']),
        path: 'id',
        message: `expected id "${id}" to match the file name`,
      });
    }
    tests.push({ id, name: test.value.name, versions: dated(test, problems) });
  }
  if (stay && route) {
    stay.value.versions.forEach((v, i) => {
      for (const id of route.value.tests) {
        if (!(id in v.byTest)) {
          problems.push({
            file: stay.file,
            line: stay.lineOf(['versions', i, 'byTest']),
            path: `versions.${i}.byTest`,
            message: `no stay plan for test "${id}"`,
          });
        }
      }
    });
  }

  const result =
    route && prerequisites && exclusions && fees && stay && dependants && steps && selection && sourcesFile
      ? {
          route: { ...route.value, file: route.ruleFile },
          sources,
          prerequisites: dated(prerequisites, problems),
          tests,
          exclusions: dated(exclusions, problems),
          fees: dated(fees, problems),
          stay: dated(stay, problems),
          dependants: dated(dependants, problems),
          steps: dated(steps, problems),
          selection: dated(selection, problems),
          extensionWindow,
        }
      : undefined;
  if (problems.length > 0 || !result) throw new RuleFileError(problems);
  return deepFreeze(result);
}

/**
 * A route's extension-window.yaml, when it has one: the versions, dated, with every `byTest` key
 * checked against the route's tests and every source against `sources`. Empty when the file is
 * absent. Shared by the route loader and the case-rules loader, which both need the window.
 */
export function loadExtensionWindow(
  dir: string,
  problems: RuleProblem[],
  root: string,
  tests: readonly string[] | undefined,
  sources: Record<string, unknown> | undefined,
): Array<Dated<ExtensionWindowVersion>> {
  const path = join(dir, 'extension-window.yaml');
  if (!existsSync(path)) return [];
  const parsed = parseFile(path, ExtensionWindowFile, problems, root);
  if (!parsed) return [];
  if (sources) checkRefs(parsed, sources, problems);
  parsed.value.versions.forEach((v, i) => {
    for (const test of Object.keys(v.byTest ?? {})) {
      if (tests && !tests.includes(test)) {
        problems.push({
          file: parsed.file,
          line: parsed.lineOf(['versions', i, 'byTest', test]),
          path: `versions.${i}.byTest.${test}`,
          message: `unknown test "${test}"; expected one of ${tests.join(', ')}`,
        });
      }
    }
  });
  return dated(parsed, problems);
}
