/** Why a file's header row cannot be used: the whole file is rejected. */
import type { DatasetName, SourceColumn } from './dataset-spec.ts';

export class MissingColumnsError extends Error {
  constructor(
    readonly dataset: DatasetName,
    readonly missing: readonly SourceColumn[],
  ) {
    const names = missing.map((column) => `${column.name} (${column.headers[1] ?? column.name})`).join(', ');
    super(`${dataset}: the header lacks required column${missing.length > 1 ? 's' : ''} ${names}`);
    this.name = 'MissingColumnsError';
  }
}

/** A header that matches two columns, a column given twice, or a unit a column cannot take. */
export class HeaderConflictError extends Error {
  constructor(
    readonly dataset: DatasetName,
    detail: string,
  ) {
    super(`${dataset}: ${detail}`);
    this.name = 'HeaderConflictError';
  }
}
