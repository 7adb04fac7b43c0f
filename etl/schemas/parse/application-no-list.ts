/**
 * A list of CN patent application numbers (e.g. the patents a pledge names): separated by
 * `;` `；` `,` `，` `、` or white space, each checked by the application-number rule
 * (patent-application-no.ts) and normalised, duplicates dropped, given order kept, joined by `;`:
 * `201710601862.3;202110012345.6`. The stored text is what the SQL views split on `;`.
 */
import { parseApplicationNo } from './patent-application-no.ts';
import { ParseFailure, quote } from './parse-failure.ts';

/** The separator of the normalised list. */
export const APPLICATION_NO_LIST_SEPARATOR = ';';

const SEPARATORS = /[;；,，、\s]+/;

export function parseApplicationNoList(raw: string): string | ParseFailure {
  // A number may be written `CN 2017 1060 1862.3`; white space splits only between full numbers,
  // so the list is split on the punctuation first and a part with inner spaces is tried whole.
  const parts = raw.split(/[;；,，、]+/).flatMap((part) => splitOnSpaces(part.trim()));
  const numbers: string[] = [];
  for (const [index, part] of parts.entries()) {
    const parsed = parseApplicationNo(part);
    if (parsed instanceof ParseFailure) {
      return new ParseFailure(parsed.rule, `application number ${index + 1} of the list ${quote(raw)}: ${parsed.message}`);
    }
    if (!numbers.includes(parsed)) numbers.push(parsed);
  }
  if (numbers.length === 0) return new ParseFailure('application_no_format', `expected one or more application numbers, got ${quote(raw)}`);
  return numbers.join(APPLICATION_NO_LIST_SEPARATOR);
}

/** `A B` is two numbers when each is one on its own; otherwise the spaces belong to one number. */
function splitOnSpaces(part: string): string[] {
  if (part === '') return [];
  const words = part.split(SEPARATORS).filter((word) => word !== '');
  if (words.length > 1 && words.every((word) => !(parseApplicationNo(word) instanceof ParseFailure))) return words;
  return [part];
}
