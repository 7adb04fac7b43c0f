/** The twin of fields.ts `text`: the trimmed text as it is; it never fails. */
import { twinOf, type SqlFieldTwin } from './sql-field-twin.ts';

export const TEXT_TWIN: SqlFieldTwin = twinOf(() => [], (text) => text);
