/**
 * How a classification version is known to be a demonstration (not the official table): its
 * name starts with "demo" (any case), as the sample's `demo-2019` does. The official table is
 * loaded by the operator under its own name (e.g. `2019`); a version that merely *contains*
 * "demo" further on is not treated as one, so an official name is never flagged by accident.
 */
export function isDemonstrationVersion(version: string): boolean {
  return /^demo/i.test(version.trim());
}
