/**
 * HTTP benchmarks, in one run (`npm run bench:http`):
 *
 * 1. Throughput of `POST /api/v1/assessments` against a raw JSON echo route served by the same
 *    Hono app on @hono/node-server in the same process (bench/http-server.ts), both under
 *    autocannon with the same body, connections and duration. Goals: the API reaches at least
 *    60 % of the echo's requests per second, and its p99 latency is at most 5 × its p50. The
 *    same body to `POST /api/v1/comparisons` (every route) is measured beside them, without a goal.
 * 2. The JavaScript shipped to a question page of the assessment and to its result page: every
 *    script the page loads (external and inline), gzip-compressed and summed. Goal: ≤ 50 KB.
 *
 * Prints a table and appends a dated entry, with the machine, under "## HTTP" in BENCHMARKS.md
 * (other sections are left as they are). Not part of `npm test`. Options:
 *   --duration <s>     seconds of measured load per route (default 10; 3 s of warm-up first)
 *   --connections <n>  concurrent connections (default 10)
 *   --no-write         print only; leave BENCHMARKS.md alone
 * Loopback only: the server binds 127.0.0.1 and every request stays on this machine.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { ROOT, type RunningServer, startServer } from '../test/e2e/server.ts';

const ECHO_PATH = '/bench/echo';
const API_PATH = '/api/v1/assessments';
const COMPARISONS_PATH = '/api/v1/comparisons';
const GOALS = { throughputRatio: 0.6, p99OverP50: 5, scriptGzipBytes: 50 * 1024 };

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
}

const DURATION = option('duration', 10);
const CONNECTIONS = option('connections', 10);
const WRITE = !process.argv.includes('--no-write');

function machine() {
  let cpu: string | undefined;
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim();
  } catch {
    cpu = undefined;
  }
  return {
    cpu: cpu ?? cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

// ---------------------------------------------------------------------------------------------
// 1. Throughput
// ---------------------------------------------------------------------------------------------

interface LoadResult {
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  responseBytes: number;
}

function load(url: string, body: string, duration: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        connections: CONNECTIONS,
        duration,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

async function measure(server: RunningServer, path: string, body: string): Promise<LoadResult> {
  const url = `${server.url}${path}`;
  const check = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const sample = await check.arrayBuffer();
  if (check.status !== 200)
    throw new Error(`${path} answered ${check.status}: ${Buffer.from(sample).toString()}`);
  await load(url, body, 3); // warm-up: JIT, caches, connection pools
  const r = await load(url, body, DURATION);
  return {
    path,
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    responseBytes: sample.byteLength,
  };
}

// ---------------------------------------------------------------------------------------------
// 2. JavaScript shipped to pages
// ---------------------------------------------------------------------------------------------

/** A browser-less client with a cookie jar, enough to walk the wizard's plain HTML forms. */
class Client {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(new URL(path, this.base), { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
    return res;
  }

  async page(path: string): Promise<string> {
    const res = await this.request(path);
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
    return res.text();
  }
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}(?:="([^"]*)")?`, 'i').exec(tag);
  return m ? (m[1] ?? '') : undefined;
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/**
 * Answers a question page the lazy way: "I don't know" wherever it is offered, "no" to "add
 * another", and 1 March 2025 for a date that must be given. Returns the form's fields.
 */
function answerForm(html: string): { action: string; fields: URLSearchParams } {
  const form = /<form method="post" action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(
    html.slice(html.indexOf('<main')),
  );
  if (!form?.[1] || form[2] === undefined) throw new Error('no form on the question page');
  const fields = new URLSearchParams();
  const radios = new Map<string, string[]>();
  const names = new Set<string>();
  for (const [tag] of form[2].matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    if (!name) continue;
    const type = attribute(tag, 'type') ?? 'text';
    const value = decode(attribute(tag, 'value') ?? '');
    names.add(name);
    if (type === 'hidden') fields.set(name, value);
    else if (type === 'radio') radios.set(name, [...(radios.get(name) ?? []), value]);
    else if (type === 'checkbox' && name.endsWith('-unknown')) fields.set(name, 'on');
  }
  for (const [name, values] of radios) {
    fields.set(
      name,
      values.includes('unknown') ? 'unknown' : values.includes('no') ? 'no' : (values[0] ?? ''),
    );
  }
  for (const [, name = '', options = ''] of form[2].matchAll(
    /<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g,
  )) {
    const values = [...options.matchAll(/value="([^"]*)"/g)].map((m) => m[1] ?? '');
    fields.set(name, values.includes('unknown') ? 'unknown' : (values.find((v) => v !== '') ?? ''));
  }
  for (const name of names) {
    const m = /^(.*)-(day|month|year)$/.exec(name);
    if (m && !names.has(`${m[1]}-unknown`))
      fields.set(name, { day: '1', month: '3', year: '2025' }[m[2] as 'day']);
  }
  return { action: decode(form[1]), fields };
}

/** Walks the wizard from its first question to the result page; returns both pages' HTML. */
async function wizardPages(client: Client, base: string): Promise<{ question: string; result: string }> {
  const first = '/assess/hk.qmas/date-of-birth';
  let path = first;
  let question = '';
  for (let step = 0; step < 60; step++) {
    const html = await client.page(path);
    if (path === first) question = html;
    if (path.endsWith('/check')) break;
    const { action, fields } = answerForm(html);
    const res = await client.request(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
      body: fields,
    });
    const next = res.headers.get('location');
    if (res.status !== 303 || !next) throw new Error(`POST ${action} answered ${res.status}, not a redirect`);
    path = next;
  }
  if (!path.endsWith('/check')) throw new Error('the wizard did not reach "check your answers"');
  return { question, result: await client.page('/assess/hk.qmas/result') };
}

interface ScriptSize {
  src: string;
  bytes: number;
  gzipBytes: number;
}

/** Every script a page loads: external ones (fetched) and inline ones, with their gzip sizes. */
async function scriptsOf(client: Client, html: string): Promise<ScriptSize[]> {
  const out: ScriptSize[] = [];
  const seen = new Set<string>();
  for (const [tag, attrs = '', inline = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const type = attribute(attrs, 'type');
    if (type && !/javascript|module/.test(type)) continue; // JSON-LD and the like are data, not code
    const src = attribute(attrs, 'src');
    if (src === undefined) {
      if (inline.trim() !== '') out.push(size(`inline script ${out.length + 1}`, Buffer.from(inline)));
      continue;
    }
    const url = decode(src);
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await client.request(url);
    if (res.status !== 200) throw new Error(`${url} (from ${tag.slice(0, 60)}) answered ${res.status}`);
    out.push(size(url, Buffer.from(await res.arrayBuffer())));
  }
  for (const [, href = ''] of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    const url = decode(href);
    if (seen.has(url)) continue;
    seen.add(url);
    out.push(size(url, Buffer.from(await (await client.request(url)).arrayBuffer())));
  }
  return out;
}

function size(src: string, body: Buffer): ScriptSize {
  return { src, bytes: body.length, gzipBytes: gzipSync(body).length };
}

// ---------------------------------------------------------------------------------------------

function appendToBenchmarks(entry: string): void {
  const file = join(ROOT, 'BENCHMARKS.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const heading = /^## HTTP\s*$/m.exec(text);
  if (!heading) {
    writeFileSync(
      file,
      `${text.trimEnd()}\n\n## HTTP\n\nRecorded by \`npm run bench:http\` (bench/http.bench.ts); newest last.\n\n${entry}`,
    );
    return;
  }
  const after = heading.index + heading[0].length;
  const next = /^## /m.exec(text.slice(after));
  const end = next ? after + next.index : text.length;
  const section = text.slice(0, end).trimEnd();
  writeFileSync(file, `${section}\n\n${entry}${next ? `\n${text.slice(end)}` : ''}`);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  const info = machine();
  console.log(`HTTP benchmark — ${info.cpu} (${info.cpus} CPUs, ${info.memoryGiB} GiB), Node ${info.node}`);
  console.log(`load average at start: ${info.loadAverage.join(' / ')}`);
  const example = JSON.parse(readFileSync(join(ROOT, 'examples/qmas-2024-12-criteria.json'), 'utf8'));
  delete example.$schema;
  const body = JSON.stringify({ profile: example, submittedAt: '2025-03-01T10:00:00+08:00', lang: 'en' });

  const server = await startServer({ entry: 'bench/http-server.ts', env: { LOG_LEVEL: 'warn' } });
  let echo: LoadResult;
  let api: LoadResult;
  let comparisons: LoadResult;
  let pages: Array<{ page: string; scripts: ScriptSize[]; gzipBytes: number }>;
  try {
    console.log(
      `\nautocannon: ${CONNECTIONS} connections, 3 s warm-up then ${DURATION} s per route, ${body.length} B body`,
    );
    echo = await measure(server, ECHO_PATH, body);
    api = await measure(server, API_PATH, body);
    comparisons = await measure(server, COMPARISONS_PATH, body);

    const client = new Client(server.url);
    const { question, result } = await wizardPages(client, server.url);
    pages = [];
    for (const [page, html] of [
      ['assessment (question page)', question],
      ['result', result],
    ] as const) {
      const scripts = await scriptsOf(client, html);
      pages.push({ page, scripts, gzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0) });
    }
  } finally {
    await server.stop();
  }

  const ratio = api.requestsPerSecond / echo.requestsPerSecond;
  const tail = api.p99 / api.p50;
  const ok = (pass: boolean) => (pass ? 'met' : 'NOT MET');
  const rows = [echo, api, comparisons].map(
    (r) =>
      `| \`POST ${r.path}\` | ${Math.round(r.requestsPerSecond).toLocaleString('en')} | ${ms(r.p50)} | ${ms(r.p99)} | ${kb(r.responseBytes)} | ${r.non2xx + r.errors} |`,
  );
  const scriptRows = pages.map(
    (p) =>
      `| ${p.page} | ${p.scripts.map((s) => `${s.src} (${kb(s.bytes)} → ${kb(s.gzipBytes)})`).join(', ') || 'none'} | ${kb(p.gzipBytes)} | ${ok(p.gzipBytes <= GOALS.scriptGzipBytes)} |`,
  );
  const entry = [
    `### ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${info.cpu}, ${info.cpus} CPUs, ${info.memoryGiB} GiB; Node ${info.node}; load average ${info.loadAverage.join(' / ')} at start, ${loadavg()
      .map((l) => l.toFixed(2))
      .join(
        ' / ',
      )} at end. autocannon ${CONNECTIONS} connections, ${DURATION} s per route after 3 s warm-up, server and load generator on the same machine (loopback), LOG_LEVEL=warn, PGlite store.`,
    '',
    '| route | req/s | p50 | p99 | response | errors |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `- API / echo throughput: **${(ratio * 100).toFixed(0)} %** (goal ≥ ${GOALS.throughputRatio * 100} %: ${ok(ratio >= GOALS.throughputRatio)})`,
    `- API p99 / p50: **${tail.toFixed(1)} ×** (goal ≤ ${GOALS.p99OverP50} ×: ${ok(tail <= GOALS.p99OverP50)})`,
    `- comparisons (${COMPARISONS_PATH}, every route in one request) / echo throughput: **${((comparisons.requestsPerSecond / echo.requestsPerSecond) * 100).toFixed(0)} %**, / assessments: **${((comparisons.requestsPerSecond / api.requestsPerSecond) * 100).toFixed(0)} %** (no goal)`,
    '',
    '| page | scripts (raw → gzip) | total gzip | goal ≤ 50 KB |',
    '|---|---|---:|---|',
    ...scriptRows,
    '',
  ].join('\n');

  console.log(`\n${entry}`);
  if ([echo, api, comparisons].some((r) => r.non2xx + r.errors > 0)) {
    console.error('Some requests failed: the numbers above are not trustworthy.');
    process.exitCode = 1;
  }
  if (WRITE) {
    appendToBenchmarks(entry);
    console.log('Appended to BENCHMARKS.md under "## HTTP".');
  }
}

await main();
