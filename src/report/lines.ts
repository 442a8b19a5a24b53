/**
 * Line breaking for text set in many fonts at once. pdfkit's own wrapper treats the seam between
 * two fonts as a place to break, so a Chinese full stop set from another subset file could start
 * a line. Here a paragraph is cut into atoms (a Latin word with its trailing spaces, or one CJK
 * character), atoms that must not part are glued (no line starts with a closing mark such as 。
 * or 」, none ends with an opening one such as 「), and lines are filled greedily.
 */

export interface Piece<S> {
  text: string;
  /** Whatever the caller needs to draw the text (font, colour, link); carried through. */
  style: S;
}

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;
/** Characters a line must not start with. */
const NO_START = new Set([
  ...'!),.:;?]}¢°%’”‰′″℃、。〃々〉》」』】〕〗〙〛〜・ー︰︱︲︳﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？］｝～…‥',
]);
/** Characters a line must not end with. */
const NO_END = new Set([...'([{£¥‘“〈《「『【〔〖〘〚（［｛']);

interface Atom<S> {
  text: string;
  style: S;
  width: number;
  /** Width without trailing spaces: what counts when the atom ends a line. */
  inkWidth: number;
}

/** Splits one piece into atoms: CJK characters one by one, everything else word by word. */
function atomsOf<S>(piece: Piece<S>, measure: (text: string, style: S) => number): Atom<S>[] {
  const out: Atom<S>[] = [];
  const parts =
    piece.text.match(/[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]+\s*|\s+|[\s\S]/gu) ?? [];
  for (const part of parts) {
    const ink = part.trimEnd();
    const width = measure(part, piece.style);
    out.push({
      text: part,
      style: piece.style,
      width,
      inkWidth: ink === part ? width : measure(ink, piece.style),
    });
  }
  return out;
}

function canBreakBetween(a: string, b: string): boolean {
  const last = [...a].pop() ?? '';
  const first = [...b][0] ?? '';
  if (NO_START.has(first) || NO_END.has(last)) return false;
  if (/\s$/.test(a)) return true;
  return CJK.test(last) || CJK.test(first);
}

/**
 * Cuts styled pieces into lines no wider than `width`; each line is a list of pieces to draw
 * left to right, with adjacent atoms of one style merged.
 *
 * @example
 * breakLines([{ text: '符合要求。', style: 'f' }], 30, (t) => t.length * 10) // [['符合要'], ['求。']] (as pieces)
 */
export function breakLines<S>(
  pieces: ReadonlyArray<Piece<S>>,
  width: number,
  measure: (text: string, style: S) => number,
): Piece<S>[][] {
  const atoms = pieces.flatMap((piece) => atomsOf(piece, measure));
  // Glue atoms into groups that stay on one line.
  const groups: Atom<S>[][] = [];
  for (const atom of atoms) {
    const group = groups[groups.length - 1];
    const previous = group?.[group.length - 1];
    if (group && previous && !canBreakBetween(previous.text, atom.text)) group.push(atom);
    else groups.push([atom]);
  }

  const lines: Atom<S>[][] = [];
  let line: Atom<S>[] = [];
  let used = 0;
  for (const group of groups) {
    const groupWidth = group.reduce((sum, a) => sum + a.width, 0);
    const groupInk =
      groupWidth - (group[group.length - 1] as Atom<S>).width + (group[group.length - 1] as Atom<S>).inkWidth;
    if (line.length > 0 && used + groupInk > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    if (line.length === 0 && groupInk > width) {
      // Longer than a whole line (a long URL): break it anywhere, character by character.
      for (const atom of group) {
        for (const ch of atom.text) {
          const w = measure(ch, atom.style);
          if (line.length > 0 && used + w > width) {
            lines.push(line);
            line = [];
            used = 0;
          }
          line.push({ text: ch, style: atom.style, width: w, inkWidth: w });
          used += w;
        }
      }
      continue;
    }
    line.push(...group);
    used += groupWidth;
  }
  if (line.length > 0) lines.push(line);

  return lines.map((atomsInLine) => {
    const merged: Piece<S>[] = [];
    for (const atom of atomsInLine) {
      const last = merged[merged.length - 1];
      if (last && last.style === atom.style) last.text += atom.text;
      else merged.push({ text: atom.text, style: atom.style });
    }
    const end = merged[merged.length - 1];
    if (end) end.text = end.text.trimEnd();
    return merged.filter((piece) => piece.text.length > 0);
  });
}
