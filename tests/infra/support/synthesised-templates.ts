/**
 * The four CloudFormation templates of one deployment target as plain JSON (what `cdk synth`
 * writes to cdk.out), synthesised once per run and shared by the test files of the run, and
 * the files they are kept in, for tools that read files (cfn-lint).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IpstatsStacks } from '../../../infra/ipstats-app.ts';
import type { DeploymentTarget } from './deployment-targets.ts';
import { cachedSynthesis } from '../../support/synthesis-cache.ts';
import { synthIpstats } from './synth-ipstats.ts';

export type StackKey = keyof IpstatsStacks;

export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DependsOn?: string | string[];
  readonly Condition?: string;
  readonly [field: string]: unknown;
}

export interface CfnTemplateJson {
  readonly Resources: Record<string, CfnResourceJson>;
  readonly Outputs?: Record<string, { readonly Value: unknown; readonly Export?: { readonly Name: unknown } }>;
  readonly Conditions?: Record<string, unknown>;
  readonly [section: string]: unknown;
}

export interface SynthesisedTemplates {
  readonly target: DeploymentTarget;
  readonly templates: Readonly<Record<StackKey, CfnTemplateJson>>;
}

/** The templates of a target with the files they are kept in (the run's synthesis cache: read only), by stack. */
export interface SharedTemplates extends SynthesisedTemplates {
  readonly files: Readonly<Record<StackKey, string>>;
}

function synthesiseTemplates(target: DeploymentTarget): SynthesisedTemplates {
  const { templates } = synthIpstats({}, target.env);
  const json = Object.fromEntries(Object.entries(templates).map(([key, template]) => [key, template.toJSON() as CfnTemplateJson]));
  return { target, templates: json as Record<StackKey, CfnTemplateJson> };
}

/** The templates of a target, synthesised once per test run (and sources) for every test file that asks. */
export async function sharedTemplates(target: DeploymentTarget): Promise<SharedTemplates> {
  const dir = await cachedSynthesis('templates', { label: target.label, env: target.env ?? null }, async (outdir) => {
    await writeTemplates(outdir, synthesiseTemplates(target));
    return outdir;
  });
  const files = Object.fromEntries(STACK_KEYS.map((key) => [key, templateFile(dir, target, key)])) as Record<StackKey, string>;
  const entries = await Promise.all(STACK_KEYS.map(async (key) => [key, JSON.parse(await readFile(files[key], 'utf8')) as CfnTemplateJson] as const));
  return { target, templates: Object.fromEntries(entries) as Record<StackKey, CfnTemplateJson>, files };
}

const STACK_KEYS: readonly StackKey[] = ['storage', 'catalog', 'delivery', 'pipeline'];

const templateFile = (dir: string, target: DeploymentTarget, key: StackKey) => path.join(dir, target.label, `${key}.template.json`);

/** Writes `<dir>/<target label>/<stack>.template.json`. */
async function writeTemplates(dir: string, synthesised: SynthesisedTemplates): Promise<void> {
  await mkdir(path.join(dir, synthesised.target.label), { recursive: true });
  await Promise.all(STACK_KEYS.map((key) => writeFile(templateFile(dir, synthesised.target, key), JSON.stringify(synthesised.templates[key], null, 1))));
}
