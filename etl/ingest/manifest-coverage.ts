/**
 * The coverage declaration in a manifest (`coverage`, docs/lake.md): what a new manifest gets
 * from a declaration, and the rewrite of an existing manifest when the same bytes come again
 * with another declaration — only `coverage` and its warning change, no data is rewritten.
 */
import type { DeclaredCoverage } from '../coverage/declared-coverage.ts';
import { isOutsideCoverageWarning, outsideCoverageWarning } from '../coverage/outside-coverage.ts';
import type { ObjectStore } from '../lake/object-store.ts';
import { monthOfCuratedKey } from '../lake/lake-keys.ts';
import { ManifestSchema, writeManifest, type Manifest } from './manifest.ts';

export interface ManifestWithCoverage {
  readonly manifest: Manifest;
  /** The warning about accepted rows outside the declared coverage, also in `manifest.warnings`; null when none. */
  readonly coverageWarning: string | null;
}

/**
 * `manifest` declaring `declared`: its `coverage` set, and its warning about rows outside the
 * coverage recomputed from the months it has curated files for (an earlier such warning is replaced).
 */
export function withDeclaredCoverage(manifest: Manifest, declared: DeclaredCoverage): ManifestWithCoverage {
  const months = manifest.outputs.curated.map(monthOfCuratedKey).filter((month): month is string => month !== null);
  const coverageWarning = outsideCoverageWarning(declared, months);
  const { warnings: previous, ...rest } = manifest;
  const kept = (previous ?? []).filter((warning) => !isOutsideCoverageWarning(warning));
  const warnings = coverageWarning === null ? kept : [...kept, coverageWarning];
  const updated = ManifestSchema.parse({
    ...rest,
    coverage: { first: declared.first, last: declared.last, declared_in: declared.declaredIn },
    // No empty list: monthly datasets have no whole-file check, so their only warning is this one.
    ...(warnings.length === 0 ? {} : { warnings }),
  });
  return { manifest: updated, coverageWarning };
}

/** True when `manifest` already records exactly this declaration (months and origin). */
export function declaresCoverage(manifest: Manifest, declared: DeclaredCoverage): boolean {
  const { coverage } = manifest;
  return coverage !== undefined && coverage.first === declared.first && coverage.last === declared.last && coverage.declared_in === declared.declaredIn;
}

export interface RedeclaredCoverage extends ManifestWithCoverage {
  /** True when the manifest was rewritten with the new declaration. */
  readonly coverageUpdated: boolean;
}

/**
 * For bytes ingested before: rewrites their manifest at `manifestKey` when `declared` differs
 * from the declaration it records; otherwise leaves it as it is.
 */
export async function redeclareCoverage(store: ObjectStore, manifestKey: string, manifest: Manifest, declared: DeclaredCoverage): Promise<RedeclaredCoverage> {
  if (declaresCoverage(manifest, declared)) return { manifest, coverageWarning: null, coverageUpdated: false };
  const updated = withDeclaredCoverage(manifest, declared);
  await writeManifest(store, manifestKey, updated.manifest);
  return { ...updated, coverageUpdated: true };
}
