import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout: the CLI runs from here, as `npx routewise` would. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI (`node bin/routewise.js …`) as a child process. Standard input is closed
 * after `input` (empty by default); the environment is the test's, minus the variables that
 * change the CLI's behaviour unless a test sets them.
 */
export function cli(
  args: readonly string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ROUTEWISE_DEBUG;
  delete env.ROUTEWISE_RULES_DIR;
  delete env.NO_COLOR;
  Object.assign(env, options.env);
  return run(process.execPath, [join(ROOT, 'bin/routewise.js'), ...args], {
    env,
    input: options.input ?? '',
  });
}

/** Runs a program from the checkout and collects its output. */
export function run(
  program: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<CliResult> {
  const env = options.env ?? { ...process.env, NO_COLOR: '' };
  return new Promise((done, fail) => {
    const child = spawn(program, args, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A temporary folder with files written into it; `cleanup` removes it. */
export function tempDir(): {
  dir: string;
  write: (name: string, content: unknown) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'routewise-cli-'));
  return {
    dir,
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The example profile shipped in examples/, as a fresh object each call. */
export function exampleProfile(): Record<string, unknown> & {
  person: Record<string, unknown>;
  character: Record<string, unknown>;
  income: Record<string, unknown>;
  education: { degrees: Array<Record<string, unknown>> } & Record<string, unknown>;
} {
  return JSON.parse(readFileSync(join(ROOT, 'examples/qmas-2024-12-criteria.json'), 'utf8'));
}

/** A profile where every fact is "unknown". */
export function unknownProfile(): unknown {
  const u = 'unknown';
  return {
    schemaVersion: 1,
    person: { dateOfBirth: u, nationality: u, mainlandResident: u, prcPassportAbroad: u },
    character: { selfSupporting: u, criminalRecord: u, adverseImmigrationRecord: u },
    education: { degrees: u, professionalQualification: u },
    languages: {
      chinese: { written: u, putonghua: u, cantonese: u },
      english: { written: u, spoken: u },
      others: u,
    },
    work: u,
    income: { lastYearHKD: u },
    business: { ownsBusiness: u, businessProfitLastYearHKD: u, ownsListedCompany: u },
    talentList: u,
    achievements: { exceptionalAward: u, peerRecognition: u },
    family: { hkPermanentResidentInHongKong: u },
    dependants: u,
  };
}

/** The example profile with a criminal record and no degree: two prerequisites fail. */
export function failingProfile(): unknown {
  const p = exampleProfile();
  p.character.criminalRecord = true;
  p.education.degrees = [];
  return p;
}
