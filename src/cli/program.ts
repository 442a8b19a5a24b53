import { readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { Command, CommanderError } from 'commander';
import { compare } from '../compare/compare.ts';
import { assess, InvalidMomentError, RulesNotInForceError, UnknownTestError } from '../engine/assess.ts';
import { type CliMessageKey, cliCatalogues, cliMessage } from '../i18n/cli-messages.ts';
import { validationMessage } from '../i18n/validation-messages.ts';
import { PlanHorizonError, parseHorizon, plan } from '../plan/plan.ts';
import { profileJsonSchema } from '../profile/json-schema.ts';
import type { Profile } from '../profile/schema.ts';
import { validateProfile } from '../profile/validate.ts';
import { loadRoute, RuleFileError } from '../rules/loader.ts';
import { shippedResidence } from '../rules/residence.ts';
import type { Lang } from '../rules/schema.ts';
import { SHIPPED_ROUTE_IDS, shippedRoute } from '../rules/shipped.ts';
import type { RouteRules } from '../rules/types.ts';
import { renderComparison } from './compare-report.ts';
import { parseJson, readInput } from './input.ts';
import {
  assessFormats,
  CliError,
  type Message,
  parseAt,
  parseFormat,
  parseLang,
  parseRoute,
  parseTest,
  routeNames,
  rulesFormats,
  scanLang,
} from './options.ts';
import { renderPlan } from './plan-report.ts';
import { renderAssessment } from './report.ts';
import { renderRulesView, rulesView } from './rules-view.ts';
import { MarkdownWriter, TextWriter } from './writer.ts';

/** What the CLI touches of the outside world; main.ts passes the real process. */
export interface Io {
  argv: readonly string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  /** Whether to colour text output: stdout is a terminal and NO_COLOR is unset. */
  colour: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** The clock, read only for the default --at. */
  now: () => number;
}

/**
 * Colour only for a terminal, and never when NO_COLOR is set to anything but the empty string
 * (https://no-color.org).
 */
export function useColour(
  isTTY: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return Boolean(isTTY) && !env.NO_COLOR;
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

const NAME = 'routewise';

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * A route's rules: the shipped ones, or those under ROUTEWISE_RULES_DIR (a folder laid out like
 * rules/, e.g. to try edited rule files before they ship).
 */
function routeRules(id: string, env: Io['env']): RouteRules {
  const dir = env.ROUTEWISE_RULES_DIR;
  return dir ? loadRoute(join(resolvePath(dir), ...id.split('.'))) : shippedRoute(id);
}

function resolve(lang: Lang, m: Message): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {}))
    params[k] = typeof v === 'object' ? resolve(lang, v) : v;
  return cliMessage(lang, m.key, params);
}

interface CommonOptions {
  route?: string;
  at?: string;
  format?: string;
  lang?: string;
  test?: string;
}

function buildProgram(io: Io, lang: Lang): Command {
  const t = (key: CliMessageKey, params?: Record<string, string | number>) => cliMessage(lang, key, params);
  const titles: Record<string, string> = {
    'Usage:': t('help.usage'),
    'Arguments:': t('help.arguments'),
    'Options:': t('help.options'),
    'Global Options:': t('help.globalOptions'),
    'Commands:': t('help.commands'),
  };
  const program = new Command(NAME);
  program
    .description(t('cli.description'))
    .exitOverride()
    .enablePositionalOptions()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .configureHelp({ styleTitle: (title) => titles[title] ?? title })
    .helpOption('-h, --help', t('opt.help'))
    .helpCommand('help [command]', t('cmd.help'))
    .version(version(), '-V, --version', t('opt.version'))
    .option('--lang <lang>', t('opt.lang'))
    .addHelpText('after', `\n${t('help.exitCodes')}\n${t('help.debug')}`);

  const langOf = (opts: CommonOptions) =>
    parseLang(opts.lang ?? (program.opts() as CommonOptions).lang, 'en');

  /** The profile in a file (or stdin), validated; every problem listed in the user's language. */
  async function readProfile(file: string, outLang: Lang): Promise<Profile> {
    const text = await readInput(file, io.stdin);
    const name: string | Message = file === '-' ? { key: 'json.stdin' } : file;
    const json = parseJson(text, name);
    const checked = validateProfile(json, outLang);
    if (checked.ok) return checked.profile;
    const details = checked.issues.flatMap((issue) => {
      const lines = [
        `  - ${issue.path || validationMessage(outLang, 'path.root')}`,
        `      ${cliMessage(outLang, 'issue.given')} ${
          issue.value === undefined ? cliMessage(outLang, 'issue.missing') : JSON.stringify(issue.value)
        }`,
        `      ${cliMessage(outLang, 'issue.expected')} ${issue.expected}`,
      ];
      if (issue.code !== 'invalid') lines.push(`      ${issue.message}`);
      return lines;
    });
    const n = checked.issues.length;
    throw new CliError(n === 1 ? 'error.profile.one' : 'error.profile.other', { file: name, n }, details);
  }

  program
    .command('assess')
    .description(t('cmd.assess'))
    .argument('<profile>', t('cmd.assess.profile'))
    .option('--route <route>', t('opt.route', { routes: routeNames }))
    .option('--at <moment>', t('opt.at'))
    .option('--test <test>', t('opt.test'))
    .option('--format <format>', t('opt.format'))
    .option('--lang <lang>', t('opt.lang'))
    .addHelpText('after', `\n${t('help.assessExamples')}\n\n${t('help.exitCodes')}`)
    .action(async (file: string, opts: CommonOptions) => {
      const outLang = langOf(opts);
      const format = parseFormat(opts.format, assessFormats);
      const rules = routeRules(parseRoute(opts.route), io.env);
      const tests = parseTest(
        opts.test,
        rules.tests.map((x) => x.id),
      );
      const at = parseAt(opts.at, io.now);
      const profile = await readProfile(file, outLang);
      const assessment = assess(profile, rules, at, { lang: outLang, ...(tests ? { tests } : {}) });
      if (format === 'json') io.stdout(`${JSON.stringify(assessment, null, 2)}\n`);
      else
        io.stdout(
          renderAssessment(
            assessment,
            format === 'markdown' ? new MarkdownWriter() : new TextWriter(io.colour),
          ),
        );
    });

  program
    .command('compare')
    .description(t('cmd.compare'))
    .argument('<profile>', t('cmd.assess.profile'))
    .option('--at <moment>', t('opt.at'))
    .option('--format <format>', t('opt.format'))
    .option('--lang <lang>', t('opt.lang'))
    .addHelpText('after', `\n${t('help.exitCodes')}`)
    .action(async (file: string, opts: CommonOptions) => {
      const outLang = langOf(opts);
      const format = parseFormat(opts.format, assessFormats);
      const at = parseAt(opts.at, io.now);
      const profile = await readProfile(file, outLang);
      const routeList = SHIPPED_ROUTE_IDS.map((id) => routeRules(id, io.env));
      const comparison = compare(profile, routeList, at, { lang: outLang });
      if (format === 'json') io.stdout(`${JSON.stringify(comparison, null, 2)}\n`);
      else
        io.stdout(
          renderComparison(
            comparison,
            format === 'markdown' ? new MarkdownWriter() : new TextWriter(io.colour),
            routeNames,
          ),
        );
    });

  program
    .command('plan')
    .description(t('cmd.plan'))
    .argument('<profile>', t('cmd.assess.profile'))
    .option('--from <moment>', t('opt.from'))
    .option('--horizon <span>', t('opt.horizon'))
    .option(
      '--route <route>',
      t('opt.planRoute', { routes: routeNames }),
      (v: string, all: string[] = []) => [...all, v],
    )
    .option('--format <format>', t('opt.format'))
    .option('--lang <lang>', t('opt.lang'))
    .addHelpText('after', `\n${t('help.exitCodes')}`)
    .action(
      async (
        file: string,
        opts: Omit<CommonOptions, 'route'> & { from?: string; horizon?: string; route?: string[] },
      ) => {
        const outLang = langOf({ lang: opts.lang });
        const format = parseFormat(opts.format, assessFormats);
        const from = parseAt(opts.from, io.now);
        const horizon = opts.horizon ?? '5y';
        try {
          parseHorizon(horizon);
        } catch (error) {
          if (error instanceof PlanHorizonError) throw new CliError('error.badHorizon', { value: horizon });
          throw error;
        }
        const ids = opts.route ? opts.route.map((r) => parseRoute(r)) : [...SHIPPED_ROUTE_IDS];
        const profile = await readProfile(file, outLang);
        const routeList = ids.map((id) => routeRules(id, io.env));
        const result = plan(profile, routeList, from, {
          lang: outLang,
          horizon,
          residence: shippedResidence(),
        });
        if (format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        else
          io.stdout(
            renderPlan(result, format === 'markdown' ? new MarkdownWriter() : new TextWriter(io.colour)),
          );
      },
    );

  program
    .command('rules')
    .description(t('cmd.rules'))
    .argument('<route>', t('cmd.rules.route', { routes: routeNames }))
    .option('--at <moment>', t('opt.at'))
    .option('--format <format>', t('opt.formatRules'))
    .option('--lang <lang>', t('opt.lang'))
    .addHelpText('after', `\n${t('help.exitCodes')}`)
    .action((route: string, opts: CommonOptions) => {
      const outLang = langOf(opts);
      const format = parseFormat(opts.format, rulesFormats);
      const at = parseAt(opts.at, io.now);
      const view = rulesView(routeRules(parseRoute(route), io.env), at, outLang);
      io.stdout(
        format === 'json'
          ? `${JSON.stringify(view, null, 2)}\n`
          : renderRulesView(view, new TextWriter(io.colour)),
      );
    });

  program
    .command('schema')
    .description(t('cmd.schema'))
    .argument('<name>', t('cmd.schema.name'))
    .option('--lang <lang>', t('opt.lang'))
    .action((name: string, opts: CommonOptions) => {
      langOf(opts);
      if (name !== 'profile') throw new CliError('error.badSchema', { value: name });
      io.stdout(profileJsonSchema());
    });

  return program;
}

/** The first word of argv that names a command, for the "--help" hint after a usage error. */
function commandIn(argv: readonly string[]): string | undefined {
  return argv.find(
    (a) => a === 'assess' || a === 'compare' || a === 'plan' || a === 'rules' || a === 'schema',
  );
}

const commanderKeys: Record<string, CliMessageKey> = {
  'commander.unknownOption': 'error.unknownOption',
  'commander.unknownCommand': 'error.unknownCommand',
  'commander.missingArgument': 'error.missingArgument',
  'commander.optionMissingArgument': 'error.optionMissingArgument',
  'commander.excessArguments': 'error.excessArguments',
  'commander.help': 'error.noCommand',
};

function partName(lang: Lang, part: string): string {
  const key = `part.${part}`;
  if (key in cliCatalogues.en) return cliMessage(lang, key as CliMessageKey);
  if (part.startsWith('test:')) return cliMessage(lang, 'part.test', { name: part.slice(5) });
  return part;
}

/**
 * Turns anything thrown into the lines to print and an exit code: 2 for the user's input or
 * arguments, 1 for a fault in Routewise itself (one line unless ROUTEWISE_DEBUG=1).
 */
function failure(error: unknown, io: Io, lang: Lang): number {
  const say = (text: string) => io.stderr(`${NAME}: ${text}\n`);
  const debug = io.env.ROUTEWISE_DEBUG === '1';
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return EXIT_OK;
    const key = commanderKeys[error.code] ?? 'error.usage';
    const token = /'([^']+)'/.exec(error.message)?.[1] ?? '';
    const plain = error.message.replace(/^error: /, '').split('\n')[0] ?? error.message;
    say(cliMessage(lang, key, { token, message: plain }));
    const command = commandIn(io.argv);
    io.stderr(`${cliMessage(lang, 'error.helpHint', { command: command ? `${NAME} ${command}` : NAME })}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof CliError) {
    say(resolve(lang, { key: error.key, params: error.params }));
    for (const line of error.details) io.stderr(`${line}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof RulesNotInForceError) {
    say(
      cliMessage(lang, 'error.notInForce', {
        route: error.routeId,
        at: error.at,
        part: partName(lang, error.part),
        earliest: error.earliest,
      }),
    );
    return EXIT_USAGE;
  }
  if (error instanceof UnknownTestError) {
    say(
      cliMessage(lang, 'error.badTest', { value: error.test, allowed: [...error.known, 'all'].join(', ') }),
    );
    return EXIT_USAGE;
  }
  if (error instanceof InvalidMomentError) {
    say(cliMessage(lang, 'error.badAt', { value: error.value }));
    return EXIT_USAGE;
  }
  if (error instanceof RuleFileError) {
    say(
      cliMessage(lang, 'error.rulesBroken', {
        count: error.problems.length,
        first: error.message.split('\n')[0] ?? '',
      }),
    );
    if (debug) io.stderr(`${error.message}\n${error.stack ?? ''}\n`);
    return EXIT_INTERNAL;
  }
  const message = error instanceof Error ? error.message : String(error);
  say(cliMessage(lang, 'error.internal', { message: message.split('\n')[0] ?? message }));
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT_INTERNAL;
}

/** Runs the command line; resolves to the exit code. */
export async function run(io: Io): Promise<number> {
  // Errors are reported in the --lang given when it is valid, so scan for it before parsing.
  const lang = scanLang(io.argv);
  try {
    const program = buildProgram(io, lang);
    await program.parseAsync([...io.argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    return failure(error, io, lang);
  }
}
