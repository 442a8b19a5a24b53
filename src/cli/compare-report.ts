import type { Comparison, RouteComparison } from '../compare/compare.ts';
import { type CliMessageKey, cliMessage } from '../i18n/cli-messages.ts';
import { outcomeMarks } from './report.ts';
import type { Tone, Writer } from './writer.ts';

const fitMarks: Record<RouteComparison['fit'], string> = {
  fits: '✓',
  might_fit: '?',
  does_not_fit: '✗',
  not_open: '–',
  not_available: '–',
};
const fitTones: Record<RouteComparison['fit'], Tone> = {
  fits: 'good',
  might_fit: 'open',
  does_not_fit: 'bad',
  not_open: 'open',
  not_available: 'open',
};

/**
 * The comparison as text or Markdown: the routes that fit or might, ranked, each with its reasons,
 * what is missing, stay, fees and permanent residence; then, briefly, those that do not fit and
 * those Routewise holds no rules for at that date.
 */
export function renderComparison(c: Comparison, writer: Writer, routeNames: string): string {
  const t = (key: CliMessageKey, params?: Record<string, string | number>) => cliMessage(c.lang, key, params);
  writer.title(t('compare.title'));
  writer.para(t('report.submitted', { at: c.submittedAt }));
  writer.para(c.summary, { strong: true });

  const ranked = c.routes.filter((r) => r.rank !== null);
  for (const r of ranked) {
    writer.heading(t('compare.rank', { rank: r.rank ?? 0, name: r.route.name, fit: r.fitLabel }));
    routeDetails(r, writer, t);
  }

  const rest = c.routes.filter((r) => r.fit === 'does_not_fit');
  if (rest.length > 0) {
    writer.heading(t('compare.doNotFit'));
    for (const r of rest) {
      const missing = r.missing.map((m) => `${outcomeMarks[m.outcome]} ${m.label}`);
      writer.item(fitMarks[r.fit], `${r.route.name}: ${r.headline}`, missing, fitTones[r.fit]);
    }
  }
  const notOpen = c.routes.filter((r) => r.fit === 'not_open');
  if (notOpen.length > 0) {
    writer.heading(t('compare.notOpen'));
    for (const r of notOpen) writer.item(fitMarks[r.fit], `${r.route.name}: ${r.headline}`);
  }
  const unavailable = c.routes.filter((r) => r.fit === 'not_available');
  if (unavailable.length > 0) {
    writer.heading(t('compare.notAvailable'));
    for (const r of unavailable) writer.item(fitMarks[r.fit], `${r.route.name}: ${r.headline}`);
  }
  writer.para(t('compare.hint', { routes: routeNames }));
  writer.para(c.disclaimer);
  return writer.toString();
}

function routeDetails(
  r: RouteComparison,
  writer: Writer,
  t: (key: CliMessageKey, params?: Record<string, string | number>) => string,
): void {
  writer.para(r.headline);
  if (r.category) writer.para(t('compare.category', { name: r.category.name }));
  writer.para(t('compare.why', { reasons: r.reasons.join(t('list.separator')) }));
  if (r.missing.length > 0) {
    writer.para(t('compare.missing'));
    for (const m of r.missing) writer.item(outcomeMarks[m.outcome], m.label, [m.explanation]);
  }
  if (r.stay) {
    const stay =
      r.stay.initialMonths === null
        ? (r.stay.initialNote ?? '—')
        : t('compare.stayMonths', { n: r.stay.initialMonths });
    writer.para(t('compare.stay', { stay, pattern: r.stay.pattern }));
  }
  if (r.fees) {
    const persons = r.fees.persons === 1 ? t('compare.person') : t('compare.persons', { n: r.fees.persons });
    writer.para(
      t('compare.fees', { total: t('money.hkd', { n: r.fees.totalHKD.toLocaleString('en') }), persons }),
    );
  }
  writer.para(t('compare.pr', { text: r.permanentResidence }));
  for (const w of r.warnings) writer.item('⚠️', w.message);
  writer.para(t('compare.rules', { versions: r.rulesUsed.map((v) => `${v.part} ${v.id}`).join(', ') }));
}
