/**
 * The names of Trino's functions (etl/reference/trino_functions.txt, copied from the Trino docs'
 * function list). The Trino grammar accepts any function name, so this list is what tells a
 * portable view from one that calls a DuckDB-only function such as `strftime`.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const TRINO_FUNCTION_LIST_PATH = fileURLToPath(new URL('../reference/trino_functions.txt', import.meta.url));

/** One lower-case name a line; `#` starts a comment line; blank lines are ignored. */
export function parseTrinoFunctionList(text: string): ReadonlySet<string> {
  const names = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const malformed = names.find((name) => !/^[a-z_][a-z0-9_]*$/.test(name));
  if (malformed !== undefined) throw new Error(`the Trino function list holds "${malformed}"; expected one lower-case name a line`);
  return new Set(names);
}

export async function loadTrinoFunctionList(filePath: string = TRINO_FUNCTION_LIST_PATH): Promise<ReadonlySet<string>> {
  try {
    return parseTrinoFunctionList(await readFile(filePath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot load the Trino function list ${filePath}: ${(error as Error).message}`, { cause: error });
  }
}
