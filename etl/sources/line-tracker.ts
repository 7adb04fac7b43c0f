/**
 * Physical lines of decoded text fed to papaparse, so records and syntax errors can be placed on
 * the line an editor shows (records can span lines inside quotes; blank lines are not records).
 *
 * It sees every chunk of text just before papaparse does and counts its line breaks (one
 * `indexOf` per line: about 40 ms per million lines). papaparse reports, per batch, the absolute
 * character position after the batch's last record (`meta.cursor`); the lines before that
 * position are the breaks counted so far minus those in the text not parsed yet, which is short
 * (the start of the next record), so the chunks are kept only until papaparse is past them.
 *
 * A line break is a line feed (LF or CRLF files), or a carriage return in files whose lines end
 * with CR alone: the break that papaparse splits records on.
 */
export function countBreaks(text: string, breakChar: string, from = 0, to = text.length): number {
  let count = 0;
  for (let index = text.indexOf(breakChar, from); index !== -1 && index < to; index = text.indexOf(breakChar, index + 1)) count++;
  return count;
}

interface KeptChunk {
  readonly text: string;
  /** Absolute position of the chunk's first character. */
  readonly start: number;
}

export class LineTracker {
  private readonly chunks: KeptChunk[] = [];
  /** Characters fed so far. */
  private fed = 0;
  /** Line breaks in everything fed. */
  private fedBreaks = 0;
  /** Absolute position papaparse has consumed up to (the end of the last batch). */
  private cursor = 0;
  /** Line breaks before `cursor`. */
  private cursorBreaks = 0;

  constructor(readonly breakChar: '\n' | '\r') {}

  feed(text: string): void {
    if (text.length === 0) return;
    this.chunks.push({ text, start: this.fed });
    this.fed += text.length;
    this.fedBreaks += countBreaks(text, this.breakChar);
  }

  /** Line breaks in the kept text between two absolute positions (`from` ≥ the consumed position). */
  private breaksBetween(from: number, to: number): number {
    let count = 0;
    for (const chunk of this.chunks) {
      const end = chunk.start + chunk.text.length;
      if (end <= from) continue;
      if (chunk.start >= to) break;
      count += countBreaks(chunk.text, this.breakChar, Math.max(0, from - chunk.start), Math.min(chunk.text.length, to - chunk.start));
    }
    return count;
  }

  /** The physical line (1-based) of an absolute position at or after the end of the last batch. */
  lineAt(position: number): number {
    return 1 + this.cursorBreaks + this.breaksBetween(this.cursor, position);
  }

  /** The line the next batch starts on. */
  get nextLine(): number {
    return 1 + this.cursorBreaks;
  }

  /** Line breaks from the end of the last batch to `position`. */
  breaksUntil(position: number): number {
    return this.breaksBetween(this.cursor, position);
  }

  /** Papaparse consumed the text up to `position`: later questions are about text after it. */
  advance(position: number): void {
    if (position <= this.cursor) return;
    this.cursorBreaks = this.fedBreaks - this.breaksBetween(position, this.fed);
    this.cursor = position;
    let drop = 0;
    while (drop < this.chunks.length && this.chunks[drop]!.start + this.chunks[drop]!.text.length <= position) drop++;
    if (drop > 0) this.chunks.splice(0, drop);
  }

  /** Line breaks in all the text fed. */
  get totalBreaks(): number {
    return this.fedBreaks;
  }
}
