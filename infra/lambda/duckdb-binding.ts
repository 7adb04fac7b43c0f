/**
 * Where a Lambda that writes Parquet gets DuckDB's native module. The bundle cannot contain it
 * (esbuild does not bundle `.node` files) and synth must work offline, so the binding is copied
 * from the local node_modules: the linux-arm64 package when it is installed (preferred: the
 * project's functions run on Graviton), otherwise the linux-x64 one, with the function's
 * architecture set to match. `npm ci` installs only the host's package; to ship arm64 from an
 * x64 machine, install it once with
 * `npm install --no-save --os=linux --cpu=arm64 @duckdb/node-bindings-linux-arm64@<same version>`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as lambda from 'aws-cdk-lib/aws-lambda';

export interface DuckDbBinding {
  readonly architecture: lambda.Architecture;
  /** Packages (relative to node_modules) to copy beside the bundle. */
  readonly packages: readonly string[];
}

const CANDIDATES = [
  { architecture: lambda.Architecture.ARM_64, binding: '@duckdb/node-bindings-linux-arm64' },
  { architecture: lambda.Architecture.X86_64, binding: '@duckdb/node-bindings-linux-x64' },
] as const;

export function findDuckDbBinding(projectRoot: string): DuckDbBinding {
  const nodeModules = path.join(projectRoot, 'node_modules');
  const found = CANDIDATES.find(({ binding }) => existsSync(path.join(nodeModules, binding, 'duckdb.node')));
  if (found === undefined) {
    throw new Error(
      `no Linux DuckDB binding in ${nodeModules} (looked for ${CANDIDATES.map((c) => c.binding).join(', ')}); ` +
        'install one with `npm install --no-save --os=linux --cpu=arm64 @duckdb/node-bindings-linux-arm64@<the @duckdb/node-api version>`',
    );
  }
  return { architecture: found.architecture, packages: ['@duckdb/node-api', '@duckdb/node-bindings', found.binding, 'detect-libc'] };
}
