import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Mutex, timestamptzToIso } from '../../src/store/db.ts';
import { openStore, StoreError, storeOptionsFromEnv } from '../../src/store/index.ts';
import { hashToken, newToken } from '../../src/store/tokens.ts';
import { pgliteTemplate } from './helpers.ts';

describe('timestamptzToIso', () => {
  it('reads PostgreSQL text in any session time zone as a UTC ISO instant', () => {
    expect(timestamptzToIso('2025-02-26 03:00:00+00')).toBe('2025-02-26T03:00:00.000Z');
    expect(timestamptzToIso('2025-02-26 11:00:00.5+08')).toBe('2025-02-26T03:00:00.500Z');
    expect(timestamptzToIso('2025-02-26 11:00:00.123456+08')).toBe('2025-02-26T03:00:00.123Z');
    expect(timestamptzToIso('2025-02-25 22:30:00-04:30')).toBe('2025-02-26T03:00:00.000Z');
    expect(timestamptzToIso('infinity')).toBe('infinity');
  });
});

describe('Mutex', () => {
  it('runs tasks one at a time, in order, past failures', async () => {
    const m = new Mutex();
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) =>
      m.run(async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([task('a', 20), task('b', 5, true), task('c', 1)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});

describe('tokens', () => {
  it('are 256-bit base64url; only a 32-byte hash of a well-formed token is ever computed', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hashToken(token)).toHaveLength(32);
    expect(hashToken(`${token}=`)).toBeNull();
    expect(hashToken(42)).toBeNull();
    expect(new Set(Array.from({ length: 1000 }, newToken)).size).toBe(1000);
  });
});

describe('storeOptionsFromEnv', () => {
  it('uses PostgreSQL for a postgres:// DATABASE_URL, else PGlite in ./data or ROUTEWISE_DATA_DIR', () => {
    expect(storeOptionsFromEnv({ DATABASE_URL: 'postgres://u:p@h/db' })).toEqual({
      databaseUrl: 'postgres://u:p@h/db',
    });
    expect(storeOptionsFromEnv({ DATABASE_URL: 'postgresql://h/db' })).toEqual({
      databaseUrl: 'postgresql://h/db',
    });
    expect(storeOptionsFromEnv({})).toEqual({ dataDir: './data' });
    expect(storeOptionsFromEnv({ DATABASE_URL: ' ', ROUTEWISE_DATA_DIR: '/var/lib/rw' })).toEqual({
      dataDir: '/var/lib/rw',
    });
    expect(() => storeOptionsFromEnv({ DATABASE_URL: 'mysql://h/db' })).toThrow(/postgres/);
  });
});

describe('PGlite data folder lock', () => {
  it('refuses a second open of the same folder, and takes over a lock left by a dead process', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'routewise-lock-'));
    const template = await pgliteTemplate();
    try {
      const first = await openStore({ dataDir, pgliteTemplate: template });
      const lock = join(dataDir, 'routewise.lock');
      expect(readFileSync(lock, 'utf8').trim()).toBe(String(process.pid));
      const second = await openStore({ dataDir }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(second).toBeInstanceOf(StoreError);
      expect((second as StoreError).code).toBe('storage_failure');
      await first.close();
      expect(existsSync(lock)).toBe(false);

      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
        encoding: 'utf8',
      });
      writeFileSync(lock, `${dead.stdout}\n`);
      const again = await openStore({ dataDir });
      await again.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
