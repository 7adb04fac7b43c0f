/**
 * `npx cdk synth` as a user runs it on a fresh clone: the CLI, cdk.json, infra/app.ts with the
 * real handlers, cdk-nag as a validation plugin, no AWS credentials and no network metadata.
 * Skipped until every handler of functions/ exists.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PIPELINE_FUNCTION_NAMES } from '../../infra/lambda/function-sizing.ts';
import { tempDir } from '../support/temp-dir.ts';
import { PROJECT_ROOT } from './support/synth-ipstats.ts';

const missing = PIPELINE_FUNCTION_NAMES.filter((name) => !existsSync(path.join(PROJECT_ROOT, `functions/${name}/handler.ts`)));

describe.skipIf(missing.length > 0)('npx cdk synth', () => {
  // A test folder of the run: removed when the file ends, and by the next run if this one is killed.
  let outdir: string;
  beforeAll(async () => {
    outdir = await tempDir('cdk-out');
  });

  it('writes the four templates offline, with no credentials, cdk-nag passing', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_') && key !== 'CDK_DEFAULT_ACCOUNT'));
    const { stdout } = await promisify(execFile)('npx', ['cdk', 'synth', '--quiet', '--output', outdir], {
      cwd: PROJECT_ROOT,
      env: { ...env, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', CDK_VALIDATION: 'false' },
      timeout: 180_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(stdout).not.toMatch(/AwsSolutions-/);
    const templates = readdirSync(outdir).filter((file) => file.endsWith('.template.json')).sort();
    expect(templates).toEqual(['IpstatsCatalog.template.json', 'IpstatsDelivery.template.json', 'IpstatsPipeline.template.json', 'IpstatsStorage.template.json']);
    const pipeline = JSON.parse(readFileSync(path.join(outdir, 'IpstatsPipeline.template.json'), 'utf8')) as { Resources: Record<string, { Type: string }> };
    expect(Object.values(pipeline.Resources).filter((resource) => resource.Type === 'AWS::Lambda::Function')).toHaveLength(7);
  }, 240_000);
});
