import type { Hono } from 'hono';
import { type Form, formData, forms } from './html.ts';

/**
 * A browser with JavaScript off: it keeps cookies, follows redirects, submits forms as they are
 * (hidden CSRF field included) and records every URL it asked for and every Location it was
 * sent, so tests can check that no answer ever travels in an address.
 */
export interface Page {
  status: number;
  url: string;
  html: string;
  headers: Headers;
}

export class Client {
  readonly cookies = new Map<string, string>();
  /** Every cookie header seen, raw (to check flags). */
  readonly setCookies: string[] = [];
  readonly urls: string[] = [];
  readonly locations: string[] = [];

  constructor(
    readonly app: Hono,
    readonly origin = 'http://localhost',
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(
    method: string,
    url: string,
    body?: URLSearchParams,
    headers: Record<string, string> = {},
  ): Promise<Page> {
    let current = url;
    let currentMethod = method;
    let currentBody = body;
    for (let hop = 0; hop < 10; hop++) {
      this.urls.push(current);
      const init: RequestInit = {
        method: currentMethod,
        headers: {
          cookie: this.cookieHeader(),
          ...(currentBody
            ? { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin }
            : {}),
          ...headers,
        },
        redirect: 'manual',
      };
      if (currentBody) init.body = currentBody.toString();
      const res = await this.app.request(current, init);
      this.remember(res);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        this.locations.push(location);
        current =
          new URL(location, 'http://localhost').pathname + new URL(location, 'http://localhost').search;
        currentMethod = 'GET';
        currentBody = undefined;
        continue;
      }
      return { status: res.status, url: current, html: await res.text(), headers: res.headers };
    }
    throw new Error(`Too many redirects from ${url}`);
  }

  get(url: string, headers?: Record<string, string>): Promise<Page> {
    return this.request('GET', url, undefined, headers);
  }

  /**
   * Submits the page's form (the first POST form, or the one whose action matches); a value given
   * for a button's name presses the button with that value, in whichever of the forms it is.
   */
  submit(
    page: Page,
    values: Record<string, string | undefined> = {},
    action?: string | RegExp,
  ): Promise<Page> {
    const form = findForm(page, action, values);
    return this.request('POST', form.action, formData(form, values));
  }
}

export function findForm(
  page: Page,
  action?: string | RegExp,
  values: Record<string, string | undefined> = {},
): Form {
  const pressed = (f: Form) =>
    f.fields.some(
      (field) => field.type === 'button' && field.name in values && values[field.name] === field.value,
    );
  const posts = forms(page.html).filter((f) => f.method === 'post');
  const all = posts.some(pressed) ? posts.filter(pressed) : posts;
  const form =
    action === undefined
      ? all.find((f) => !/\/(clear|remove)(\?|$)/.test(f.action))
      : all.find((f) => (typeof action === 'string' ? f.action === action : action.test(f.action)));
  if (!form)
    throw new Error(
      `No form${action ? ` with action ${action}` : ''} on ${page.url}:\n${all.map((f) => f.action).join('\n')}`,
    );
  return form;
}
