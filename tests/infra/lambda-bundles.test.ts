/**
 * The real handlers, bundled exactly as the pipeline stack bundles them, load in Node with the
 * environment the stack gives them: catches a handler that imports DuckDB without shipping it,
 * a CommonJS dependency that breaks in the ESM bundle, or a variable the stack forgot (the
 * handlers validate their environment at cold start). Handlers not written yet are skipped.
 * Every bundle is for arm64: the DuckDB ones hold the linux-arm64 binding (AArch64 ELF files)
 * and no x64 one, the others no native file at all.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { parseInfraSettings } from '../../infra/config/infra-settings.ts';
import { IPSTATS_FEATURE_FLAGS } from '../../infra/feature-flags.ts';
import { buildIpstatsStacks } from '../../infra/ipstats-app.ts';
import { elfMachineOf } from '../../infra/lambda/elf-machine.ts';
import { FUNCTION_SIZING, PIPELINE_FUNCTION_NAMES } from '../../infra/lambda/function-sizing.ts';
import { hostDuckDbNodePath } from '../support/host-duckdb-binding.ts';
import { PROJECT_ROOT, STUB_HANDLER } from './support/synth-ipstats.ts';

const ACCOUNT = '123456789012';
const REGION = 'cn-northwest-1';
const realEntry = (name: string) => `functions/${name}/handler.ts`;
const present = PIPELINE_FUNCTION_NAMES.filter((name) => existsSync(path.join(PROJECT_ROOT, realEntry(name))));

/** A synthesised environment value as the deployed function would see it. */
function deployedValue(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if (v['Fn::Join']) {
    const [separator, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map(deployedValue).join(separator);
  }
  if (v.Ref === 'AWS::AccountId') return ACCOUNT;
  if (v.Ref === 'AWS::Region') return REGION;
  if (v.Ref === 'AWS::Partition') return 'aws-cn';
  if (v.Ref === 'AWS::URLSuffix') return 'amazonaws.com.cn';
  // State machine and topic ARNs.
  return `arn:aws-cn:states:${REGION}:${ACCOUNT}:stateMachine:ipstats-test`;
}

describe.skipIf(present.length === 0)('Lambda bundles of the real handlers', () => {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'ipstats-bundles-'));
  const app = new App({ outdir, context: IPSTATS_FEATURE_FLAGS, builtinCloudFormationValidation: false });
  const entries = Object.fromEntries(PIPELINE_FUNCTION_NAMES.map((name) => [name, present.includes(name) ? realEntry(name) : STUB_HANDLER]));
  const { pipeline } = buildIpstatsStacks(app, parseInfraSettings({ 'ipstats:cities': ['440300'] }), { functionEntries: entries, projectRoot: PROJECT_ROOT });
  const template = Template.fromStack(pipeline);
  const functions = template.findResources('AWS::Lambda::Function');
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const propsOf = (name: (typeof PIPELINE_FUNCTION_NAMES)[number]) => {
    const logicalId = pipeline.getLogicalId(pipeline.functions[name].function.node.defaultChild as never);
    return (functions[logicalId] as { Properties: { Code: { S3Key: string }; Environment: { Variables: Record<string, unknown> }; Architectures: string[] } }).Properties;
  };
  const assetDirOf = (name: (typeof PIPELINE_FUNCTION_NAMES)[number]) => path.join(outdir, `asset.${propsOf(name).Code.S3Key.replace(/\.zip$/, '')}`);

  it.each(present)('%s is an arm64 function whose native files, if any, are all AArch64 DuckDB', (name) => {
    expect(propsOf(name).Architectures).toEqual(['arm64']);
    const assetDir = assetDirOf(name);
    const files = readdirSync(assetDir, { recursive: true, encoding: 'utf8' }).sort();
    const native = files.filter((file) => file.endsWith('.node') || /\.so(\.\d+)*$/.test(file));
    expect(files.filter((file) => file.includes('x64'))).toEqual([]);
    if (!FUNCTION_SIZING[name].nativeDuckDb) {
      expect(native).toEqual([]);
      return;
    }
    expect(native).toEqual(['node_modules/@duckdb/node-bindings-linux-arm64/duckdb.node', 'node_modules/@duckdb/node-bindings-linux-arm64/libduckdb.so']);
    expect(native.map((file) => elfMachineOf(path.join(assetDir, file)))).toEqual(['AArch64', 'AArch64']);
  });

  it.each(present)('%s loads in Node with the environment the stack sets', (name) => {
    const props = propsOf(name);
    const assetDir = assetDirOf(name);
    const variables = Object.fromEntries(Object.entries(props.Environment.Variables).map(([key, value]) => [key, deployedValue(value)]));
    // /var/task does not exist here: point the data folders at the bundle's own copies. The
    // bundle's DuckDB binding is arm64: an x64 machine loads its own through NODE_PATH.
    const nodePath = hostDuckDbNodePath(outdir);
    const env = {
      PATH: process.env.PATH,
      ...variables,
      IPSTATS_REFERENCE_DIR: path.join(assetDir, 'reference'),
      IPSTATS_SQL_DIR: path.join(assetDir, 'sql'),
      AWS_REGION: REGION,
      ...(nodePath === undefined ? {} : { NODE_PATH: nodePath }),
    };
    const loaded = execFileSync(process.execPath, ['--input-type=module', '-e', "const m = await import('./index.mjs'); console.log(typeof m.handler)"], {
      cwd: assetDir,
      env,
      encoding: 'utf8',
    });
    expect(loaded.trim()).toBe('function');
    expect(existsSync(path.join(assetDir, 'reference', 'gbt2260.csv'))).toBe(true);
    expect(existsSync(path.join(assetDir, 'sql', 'marts'))).toBe(true);
  });
});
