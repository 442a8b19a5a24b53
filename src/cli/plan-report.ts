import { type CliMessageKey, cliMessage } from '../i18n/cli-messages.ts';
import { formatPlanMoment } from '../i18n/plan-messages.ts';
import type { Plan, WindowStatus } from '../plan/plan.ts';
import type { Tone, Writer } from './writer.ts';

const statusMarks: Record<WindowStatus, string> = {
  eligible: '✓',
  undetermined: '?',
  not_eligible: '✗',
  no_rules: '–',
};
const statusTones: Record<WindowStatus, Tone> = {
  eligible: 'good',
  undetermined: 'open',
  not_eligible: 'bad',
  no_rules: 'open',
};

/**
 * A plan as text or Markdown: the assumptions, then for each route its best window, the windows
 * with what changes at each edge, what it would take and the road to permanent residence.
 */
export function renderPlan(p: Plan, writer: Writer): string {
  const t = (key: CliMessageKey, params?: Record<string, string | number>) => cliMessage(p.lang, key, params);
  const when = (iso: string) => formatPlanMoment(p.lang, Date.parse(iso));
  writer.title(t('plan.title'));
  writer.para(p.summary, { strong: true });
  writer.heading(t('plan.assumptions'));
  for (const a of p.assumptions) writer.item('•', a.text);
  for (const r of p.routes) {
    writer.heading(r.route.name);
    if (r.best) writer.para(r.best.reason, { tone: statusTones[r.best.status], strong: true });
    writer.subheading(t('plan.windows'));
    for (const w of r.windows) {
      writer.item(
        statusMarks[w.status],
        t('plan.window', { from: when(w.from), to: when(w.to), status: w.statusLabel }),
        w.changes.filter((c) => c.kind !== 'start').map((c) => c.description),
        statusTones[w.status],
      );
    }
    if (r.suggestions.length > 0 || r.noSuggestion) {
      writer.subheading(t('plan.suggestions'));
      for (const s of r.suggestions) writer.item('→', s.description);
      if (r.noSuggestion) writer.para(r.noSuggestion);
    }
    if (r.road) {
      writer.subheading(t('plan.road'));
      for (const s of r.road.steps) {
        writer.item(
          s.uncertain ? '⚠' : '•',
          s.uncertain ? `${s.text}${p.lang === 'en' ? ' ' : ''}${t('plan.uncertain')}` : s.text,
          s.requirements,
        );
      }
      for (const c of r.road.caveats) writer.para(c);
      if (r.road.notCounted.length > 0) {
        writer.para(t('plan.notCounted'));
        for (const n of r.road.notCounted) writer.item('–', n);
      }
    }
  }
  writer.para(p.disclaimer);
  return writer.toString();
}
