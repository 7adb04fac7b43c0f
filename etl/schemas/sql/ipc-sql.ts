/** The twin of parse/ipc.ts: an IPC symbol → `H04L 29/06` (lower case, spacing and a trailing edition accepted). */
import { sqlHalfWidth } from './half-width-sql.ts';
import { JS_WHITESPACE_CLASS } from './js-whitespace.ts';
import { sqlJsUpper } from './js-case.ts';
import { sqlConcat, sqlQuote, sqlString, twinOf, type SqlFieldTwin } from './sql-field-twin.ts';
import { withFastPath } from './fast-path.ts';

const S = `${JS_WHITESPACE_CLASS}*`;
/** parse/ipc.ts's IPC regex with JavaScript's \s spelled out for RE2. */
const IPC_PATTERN = `([A-H][0-9]{2}[A-Z])${S}([0-9]{1,4})${S}/${S}([0-9]{1,6})(?:${S}\\([0-9]{4}\\.[0-9]{2}\\))?`;

const folded = (text: string) => sqlJsUpper(sqlHalfWidth(text));
const group = (text: string, index: number) => `regexp_extract(${folded(text)}, ${sqlString(`^${IPC_PATTERN}$`)}, ${index})`;

const FULL_IPC_TWIN: SqlFieldTwin = twinOf(
  (text) => [
    {
      when: `NOT regexp_full_match(${folded(text)}, ${sqlString(IPC_PATTERN)})`,
      rule: 'ipc_format',
      message: sqlConcat(sqlString('expected an IPC symbol such as H04L 29/06, got '), sqlQuote(text)),
    },
  ],
  (text) => sqlConcat(group(text, 1), `' '`, group(text, 2), `'/'`, group(text, 3)),
);

/** Fast path: already `H04L 29/06`. */
export const IPC_TWIN: SqlFieldTwin = withFastPath(FULL_IPC_TWIN, { when: (text) => `regexp_full_match(${text}, '[A-H][0-9]{2}[A-Z] [0-9]{1,4}/[0-9]{1,6}')`, value: (text) => text });
