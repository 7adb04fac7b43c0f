/** The twin of parse/boolean.ts: true/false, 1/0, 是/否, Y/N, yes/no (any case, full-width allowed), and a field's extra true words as given. */
import { sqlHalfWidth } from './half-width-sql.ts';
import { sqlConcat, sqlIn, sqlQuote, sqlString, twinOf, type SqlFieldTwin } from './sql-field-twin.ts';
import { withFastPath } from './fast-path.ts';

const TRUE_WORDS = ['true', '1', '是', 'y', 'yes'];
const FALSE_WORDS = ['false', '0', '否', 'n', 'no'];

const list = (words: readonly string[]) => words.map(sqlString);

function fullBooleanTwin(extraTrueWords: readonly string[]): SqlFieldTwin {
  const folded = (text: string) => `lower(${sqlHalfWidth(text)})`;
  const extra = extraTrueWords.length === 0 ? 'false' : (text: string) => sqlIn(text, list(extraTrueWords));
  const isExtra = (text: string) => (typeof extra === 'string' ? extra : extra(text));
  return twinOf(
    (text) => [
      {
        when: `NOT (${sqlIn(folded(text), list([...TRUE_WORDS, ...FALSE_WORDS]))} OR ${isExtra(text)})`,
        rule: 'boolean_format',
        message: sqlConcat(sqlString('expected true/false, 1/0, 是/否 or Y/N, got '), sqlQuote(text)),
      },
    ],
    // A word of the table wins over an extra true word, as BOOLEAN_WORDS is looked up first.
    (text) => `(CASE WHEN ${sqlIn(folded(text), list(TRUE_WORDS))} THEN true WHEN ${sqlIn(folded(text), list(FALSE_WORDS))} THEN false ELSE true END)`,
  );
}

/** Fast path: a word of the table as written (lower case). */
export function booleanTwin(extraTrueWords: readonly string[] = []): SqlFieldTwin {
  return withFastPath(fullBooleanTwin(extraTrueWords), {
    when: (text) => sqlIn(text, list([...TRUE_WORDS, ...FALSE_WORDS])),
    value: (text) => sqlIn(text, list(TRUE_WORDS)),
  });
}
