/**
 * Two ways to lay out the same report: a terminal text layout (with optional colour) and
 * Markdown. The report code says what to show; a writer says how.
 */

export type Tone = 'good' | 'bad' | 'open' | 'warn' | 'plain';

export interface Writer {
  /** The document title. */
  title(text: string): void;
  heading(text: string): void;
  subheading(text: string): void;
  /** A paragraph; `strong` for a headline sentence. */
  para(text: string, options?: { tone?: Tone; strong?: boolean }): void;
  /** A list item with a leading mark and optional detail lines under it. */
  item(mark: string, text: string, details?: readonly string[], tone?: Tone): void;
  /** A link to a web page: plain title and URL in text, a Markdown link in Markdown. */
  link(title: string, url: string): string;
  /** Text emphasised inline. */
  strong(text: string): string;
  toString(): string;
}

const ANSI: Record<Exclude<Tone, 'plain'>, string> = { good: '32', bad: '31', open: '33', warn: '33' };

/** Terminal columns a string takes: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp === 0xfe0f || cp === 0x200d) continue; // emoji presentation selector, zero-width joiner
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      cp === 0x2705 ||
      cp === 0x26a0;
    width += wide ? 2 : 1;
  }
  return width;
}

export class TextWriter implements Writer {
  private readonly lines: string[] = [];

  constructor(private readonly colour: boolean) {}

  private paint(text: string, code: string | undefined): string {
    return this.colour && code ? `\u001b[${code}m${text}\u001b[0m` : text;
  }

  private tone(text: string, tone: Tone | undefined): string {
    return tone && tone !== 'plain' ? this.paint(text, ANSI[tone]) : text;
  }

  private gap(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  title(text: string): void {
    this.lines.push(this.paint(text, '1'), '═'.repeat(displayWidth(text)));
  }

  heading(text: string): void {
    this.gap();
    this.lines.push(this.paint(text, '1'), '─'.repeat(displayWidth(text)));
  }

  subheading(text: string): void {
    this.gap();
    this.lines.push(this.paint(`▸ ${text}`, '1'));
  }

  para(text: string, options: { tone?: Tone; strong?: boolean } = {}): void {
    let out = this.tone(text, options.tone);
    if (options.strong) out = this.paint(out, '1');
    for (const line of out.split('\n')) this.lines.push(line);
  }

  item(mark: string, text: string, details: readonly string[] = [], tone?: Tone): void {
    this.lines.push(`  ${this.tone(mark, tone)} ${text}`);
    // Emoji widths differ between terminals: indent details by a fixed amount, not by the mark.
    const pad = ' '.repeat(mark.startsWith('[') ? 3 + mark.length : 5);
    for (const d of details) for (const line of d.split('\n')) this.lines.push(`${pad}${line}`);
  }

  link(title: string, url: string): string {
    return `${title} — ${this.paint(url, '2')}`;
  }

  strong(text: string): string {
    return this.paint(text, '1');
  }

  toString(): string {
    return `${this.lines.join('\n').replace(/\n+$/, '')}\n`;
  }
}

/** Escapes the characters Markdown would read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_<])/g, '\\$1').replace(/^([#>])/, '\\$1');
}

export class MarkdownWriter implements Writer {
  private readonly blocks: string[] = [];
  private list: string[] | undefined;

  private flush(): void {
    if (this.list) this.blocks.push(this.list.join('\n'));
    this.list = undefined;
  }

  private block(text: string): void {
    this.flush();
    this.blocks.push(text);
  }

  title(text: string): void {
    this.block(`# ${escapeMarkdown(text)}`);
  }

  heading(text: string): void {
    this.block(`## ${escapeMarkdown(text)}`);
  }

  subheading(text: string): void {
    this.block(`### ${escapeMarkdown(text)}`);
  }

  para(text: string, options: { tone?: Tone; strong?: boolean } = {}): void {
    const body = text
      .split('\n')
      .map((l) => this.inline(l))
      .join('  \n');
    this.block(options.strong ? `**${body}**` : body);
  }

  item(mark: string, text: string, details: readonly string[] = []): void {
    this.list ??= [];
    this.list.push(`- ${mark} ${this.inline(text)}`);
    for (const d of details) this.list.push(`  - ${this.inline(d)}`);
  }

  /**
   * Item text may hold links and strong text made by this writer, fenced by U+E000 (a private-use
   * character no rule text contains): keep those, escape the rest.
   */
  private inline(text: string): string {
    const parts = text.split(/(\uE000[^\uE000]*\uE000)/);
    return parts.map((p) => (p.startsWith('\uE000') ? p.slice(1, -1) : escapeMarkdown(p))).join('');
  }

  link(title: string, url: string): string {
    return `\uE000[${escapeMarkdown(title)}](<${url}>)\uE000`;
  }

  strong(text: string): string {
    return `\uE000**${escapeMarkdown(text)}**\uE000`;
  }

  toString(): string {
    this.flush();
    return `${this.blocks.join('\n\n')}\n`;
  }
}
