/**
 * Just enough HTML reading for the web tests: the pages are our own, well-formed output (hono's
 * JSX escapes &, <, >, " and '), so a small tag scanner finds forms, inputs, links and text.
 */

export function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g;
  const inner = tag.replace(/^<\/?[a-zA-Z0-9]+/, '').replace(/\/?>$/, '');
  for (const m of inner.matchAll(re)) out[m[1] as string] = decode(m[2] ?? '');
  return out;
}

/** Visible text, tags removed, whitespace collapsed. */
export function text(html: string): string {
  return decode(
    html
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

export function htmlLang(html: string): string | undefined {
  return /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];
}

export function title(html: string): string {
  return decode(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '');
}

export function h1(html: string): string {
  return text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
}

/** The first element with this class (outer HTML), or undefined; handles nested <div>s. */
export function byClass(html: string, cls: string, tagName = 'div'): string | undefined {
  const open = new RegExp(`<${tagName}[^>]*class="[^"]*\\b${cls}\\b[^"]*"[^>]*>`);
  const m = open.exec(html);
  if (!m) return undefined;
  let depth = 0;
  const re = new RegExp(`<${tagName}\\b[^>]*>|</${tagName}>`, 'g');
  re.lastIndex = m.index;
  for (const t of html.matchAll(re)) {
    if ((t.index ?? 0) < m.index) continue;
    depth += t[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(m.index, (t.index ?? 0) + t[0].length);
  }
  return undefined;
}

export function links(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*>/g)].map((m) => attrs(m[0]).href ?? '').filter((h) => h !== '');
}

export interface FormField {
  name: string;
  type: string;
  value: string;
  checked: boolean;
  options?: string[];
}

export interface Form {
  action: string;
  method: string;
  fields: FormField[];
  html: string;
}

export function forms(html: string): Form[] {
  return [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map((m) => {
    const body = m[0];
    const a = attrs(/<form\b[^>]*>/.exec(body)?.[0] ?? '');
    const fields: FormField[] = [];
    for (const t of body.matchAll(/<(select|textarea)\b[^>]*>([\s\S]*?)<\/\1>|<(input|button)\b[^>]*>/g)) {
      const tag = (t[1] ?? t[3]) as string;
      const at = attrs(/<[^>]+>/.exec(t[0])?.[0] ?? '');
      if (!at.name) continue;
      if (tag === 'select') {
        const options = [...(t[2] ?? '').matchAll(/<option\b[^>]*>/g)].map((o) => attrs(o[0]));
        const selected = options.find((o) => 'selected' in o);
        fields.push({
          name: at.name,
          type: 'select',
          value: selected?.value ?? options[0]?.value ?? '',
          checked: true,
          options: options.map((o) => o.value ?? ''),
        });
      } else if (tag === 'textarea') {
        fields.push({ name: at.name, type: 'textarea', value: decode(t[2] ?? ''), checked: true });
      } else if (tag === 'button') {
        fields.push({ name: at.name, type: 'button', value: at.value ?? '', checked: false });
      } else {
        fields.push({
          name: at.name,
          type: at.type ?? 'text',
          value: at.value ?? '',
          checked: 'checked' in at,
        });
      }
    }
    return { action: a.action ?? '', method: (a.method ?? 'get').toLowerCase(), fields, html: body };
  });
}

/** What the browser would send for a form as it stands, with `values` typed in or chosen. */
export function formData(form: Form, values: Record<string, string | undefined> = {}): URLSearchParams {
  const data = new URLSearchParams();
  const names = new Set<string>();
  for (const f of form.fields) {
    if (f.type === 'button') {
      // Only the button pressed is sent, as a browser does.
      if (f.name in values && values[f.name] === f.value && !names.has(f.name)) {
        names.add(f.name);
        data.append(f.name, f.value);
      }
      continue;
    }
    if (f.name in values) {
      if (names.has(f.name)) continue;
      names.add(f.name);
      const v = values[f.name];
      if (v !== undefined) data.append(f.name, v);
      continue;
    }
    if ((f.type === 'radio' || f.type === 'checkbox') && !f.checked) continue;
    data.append(f.name, f.value);
  }
  for (const [k, v] of Object.entries(values))
    if (!names.has(k) && v !== undefined && !form.fields.some((f) => f.name === k && f.type !== 'button'))
      data.append(k, v);
  return data;
}
