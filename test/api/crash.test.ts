import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../e2e/server.ts';
import { exampleProfile } from './helpers.ts';

/**
 * Nothing acknowledged is ever lost: the real server (PGlite in a data folder) is killed with
 * SIGKILL while clients are writing, restarted on the same folder, and every case and change it
 * acknowledged before the kill must be there, intact and readable.
 */

const CASES = 8;
const ACKS_BEFORE_KILL = 60;

interface Acked {
  token: string;
  /** The highest write number the server acknowledged for this case. */
  seq: number;
}

async function send(url: string, method: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
}

describe('the server killed in the middle of writes', () => {
  it('keeps every acknowledged case and change after a restart', async () => {
    let server: RunningServer | undefined = await startServer();
    const dataDir = server.dataDir;
    try {
      const acked: Acked[] = [];
      for (let i = 0; i < CASES; i++) {
        const res = await send(`${server.url}/api/v1/cases`, 'POST', {
          profile: exampleProfile(),
          lang: 'en',
        });
        expect(res.status).toBe(201);
        const { token } = (await res.json()) as { token: string };
        acked.push({ token, seq: 0 });
      }

      // Every case gets a stream of tracker changes; each acknowledged write is recorded, and the
      // kill lands while more are in flight.
      let acks = 0;
      let finished = 0;
      let killed = false;
      const running = server;
      const writers = acked.map(async (entry) => {
        for (let seq = 1; !killed; seq++) {
          try {
            const res = await send(`${running.url}/api/v1/cases/${entry.token}/tracker/preparing`, 'PATCH', {
              note: `write ${seq}`,
            });
            if (res.status !== 200) break;
            await res.arrayBuffer();
            entry.seq = seq;
            acks++;
          } catch {
            break; // the connection died with the server: this write was never acknowledged
          }
        }
        finished++;
      });
      // Writers that stop early (a refused write) must fail the test, not hang it.
      while (acks < ACKS_BEFORE_KILL && finished < writers.length)
        await new Promise((r) => setTimeout(r, 20));
      expect(acks).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
      killed = true;
      await running.crash();
      await Promise.all(writers);

      server = await startServer({ dataDir });
      for (const entry of acked) {
        const res = await fetch(`${server.url}/api/v1/cases/${entry.token}`);
        expect(res.status, entry.token.slice(0, 6)).toBe(200);
        const body = (await res.json()) as {
          case: { profile: unknown; tracker: { stages: Array<{ id: string; note: string | null }> } };
        };
        expect(body.case.profile).toEqual(exampleProfile());
        const note = body.case.tracker.stages.find((s) => s.id === 'preparing')?.note ?? 'write 0';
        // The write in flight at the kill may or may not have landed; nothing before it may be lost.
        expect(Number(note.replace('write ', ''))).toBeGreaterThanOrEqual(entry.seq);
      }
      expect(acked.reduce((n, e) => n + e.seq, 0)).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
    } finally {
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
