/**
 * The real handlers, bundled exactly as the pipeline stack bundles them, load in Node with the
 * environment the stack gives them: catches a handler that imports DuckDB without shipping it,
 * a CommonJS dependency that breaks in the ESM bundle, or a variable the stack forgot (the
 * handlers validate their environment at cold start). Handlers not written yet are skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { parseInfraSettings } from '../../infra/config/infra-settings.ts';
import { IPSTATS_FEATURE_FLAGS } from '../../infra/feature-flags.ts';
import { buildIpstatsStacks } from '../../infra/ipstats-app.ts';
import { PIPELINE_FUNCTION_NAMES } from '../../infra/lambda/function-sizing.ts';
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

  it.each(present)('%s loads in Node with the environment the stack sets', (name) => {
    const logicalId = pipeline.getLogicalId(pipeline.functions[name].function.node.defaultChild as never);
    const props = (functions[logicalId] as { Properties: { Code: { S3Key: string }; Environment: { Variables: Record<string, unknown> } } }).Properties;
    const assetDir = path.join(outdir, `asset.${props.Code.S3Key.replace(/\.zip$/, '')}`);
    const variables = Object.fromEntries(Object.entries(props.Environment.Variables).map(([key, value]) => [key, deployedValue(value)]));
    // /var/task does not exist here: point the data folders at the bundle's own copies.
    const env = { PATH: process.env.PATH, ...variables, IPSTATS_REFERENCE_DIR: path.join(assetDir, 'reference'), IPSTATS_SQL_DIR: path.join(assetDir, 'sql'), AWS_REGION: REGION };
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
