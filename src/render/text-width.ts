/** Terminal width arithmetic: widths count code points once colour codes are removed. */

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export const stripColour = (s: string): string => s.replace(ANSI, '');

/** The width of one line as a terminal shows it (code points, colour codes left out). */
export function visibleWidth(line: string): number {
  let n = 0;
  for (const _ of stripColour(line)) n++;
  return n;
}

/** The widest line of a block of text. */
export function maxLineWidth(text: string): number {
  return Math.max(0, ...text.split('\n').map(visibleWidth));
}

/** Whether every line of `text` fits `width` (always, with no width). */
export const fits = (text: string, width: number | undefined): boolean =>
  width === undefined || maxLineWidth(text) <= width;

/**
 * Greedy word wrap of plain text to `width` columns; `indent` starts every line after the first. A word longer
 * than the room (a long path) is broken, so no line is ever wider. Without a width the text is one line.
 */
export function wrapText(text: string, width: number | undefined, indent = ''): string[] {
  if (width === undefined) return text.split('\n');
  const pad = visibleWidth(indent) < width ? indent : '';
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const lead = /^ */.exec(paragraph)?.[0] ?? '';
    let line = lead.length < width ? lead : '';
    let used = line.length;
    let empty = true;
    const push = () => {
      lines.push(line);
      line = pad;
      used = visibleWidth(pad);
      empty = true;
    };
    for (const word of paragraph.split(/ +/)) {
      if (!word) continue;
      const w = visibleWidth(word);
      if (used + (empty ? w : w + 1) <= width) {
        line += empty ? word : ` ${word}`;
        used += empty ? w : w + 1;
        empty = false;
        continue;
      }
      if (!empty) push();
      let rest = [...stripColour(word)];
      while (used + rest.length > width) {
        const take = Math.max(1, width - used);
        line += rest.slice(0, take).join('');
        rest = rest.slice(take);
        push();
      }
      line += rest.join('');
      used += rest.length;
      empty = rest.length === 0;
    }
    lines.push(line);
  }
  return lines;
}
