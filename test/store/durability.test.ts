import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { pgliteTemplate, templatePath } from './helpers.ts';

interface Ack {
  token: string;
  caseId: string;
  seq: number;
  profileVersion: number;
  evidence: 'to_do' | 'done';
}

const CHILD = fileURLToPath(new URL('./fixtures/durability-child.ts', import.meta.url));
const ACKS_BEFORE_KILL = 30; // 10 cases × 3 commits; the kill lands in the middle of more writes

describe('PGlite durability', () => {
  it('keeps every acknowledged write when the process is killed mid-write (SIGKILL)', async () => {
    await pgliteTemplate(); // makes sure the cached template file exists for the child
    const dataDir = await mkdtemp(join(tmpdir(), 'routewise-durability-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, templatePath()], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
        child.on('exit', (code, signal) => resolve(signal ?? code)),
      );
      const latest = new Map<string, Ack>();
      let acks = 0;
      for await (const line of createInterface({ input: child.stdout })) {
        const msg = JSON.parse(line) as Ack | { ready: true };
        if ('ready' in msg) continue;
        latest.set(msg.token, msg);
        acks += 1;
        // Kill a few milliseconds later, wherever the child then is in its next transaction; the
        // acks read until the pipe closes are checked too.
        if (acks === ACKS_BEFORE_KILL) setTimeout(() => child.kill('SIGKILL'), Math.random() * 20);
      }
      expect(await exited, stderr).toBe('SIGKILL');
      expect(acks).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

      const store = await openStore({ dataDir });
      try {
        for (const ack of latest.values()) {
          const saved = await store.getCase(ack.token);
          expect(saved.caseId).toBe(ack.caseId);
          expect(saved.profile.seq).toBe(ack.seq);
          expect(saved.profileVersion).toBeGreaterThanOrEqual(ack.profileVersion);
          const item = saved.evidence[0];
          if (ack.evidence === 'done') expect(item).toMatchObject({ state: 'done', note: `seq ${ack.seq}` });
          const assessments = await store.listAssessments(ack.token);
          expect(assessments.length).toBeGreaterThanOrEqual(ack.profileVersion);
          expect(assessments[0]?.assessment.route.id).toBe('qmas');
        }
        // No transaction was half applied: every case has its first profile, audit and checklist.
        const { rows } = await store.db.query<{ n: number; broken: number }>(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE
             NOT EXISTS (SELECT 1 FROM case_profiles p WHERE p.case_id = c.id AND p.version = 1)
             OR NOT EXISTS (SELECT 1 FROM case_audit a WHERE a.case_id = c.id AND a.event = 'case.created')
             OR NOT EXISTS (SELECT 1 FROM case_evidence_items e WHERE e.case_id = c.id))::int AS broken
           FROM cases c`,
        );
        expect(rows[0]?.n).toBeGreaterThanOrEqual(latest.size);
        expect(rows[0]?.broken).toBe(0);
        // The reopened database takes new writes.
        const { token } = await store.createCase({ profile: { after: 'crash' }, language: 'en' });
        expect((await store.getCase(token)).profile).toEqual({ after: 'crash' });
      } finally {
        await store.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
