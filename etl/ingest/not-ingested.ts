/**
 * A file (or folder) found in the input and not ingested, with the reason: nothing in the input
 * is skipped without saying so (docs/operations.md "What is read from the input folder").
 */

/** Stable codes, to count by in logs; `reason` says the same in words. */
export const NOT_INGESTED_CODES = [
  'not_a_source_file',
  'not_a_dataset_folder',
  'not_in_a_dataset_folder',
  'folder_in_dataset_folder',
  'not_a_regular_file',
  'link_outside_input',
  'broken_link',
  'unreadable',
] as const;
export type NotIngestedCode = (typeof NOT_INGESTED_CODES)[number];

export interface NotIngested {
  /** The path as found in the input (a link's own path, not its target). */
  readonly path: string;
  readonly code: NotIngestedCode;
  readonly reason: string;
}

/** Sorted by path, so listings are the same on every run. */
export function sortNotIngested(entries: readonly NotIngested[]): NotIngested[] {
  return [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
