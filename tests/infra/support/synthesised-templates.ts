/**
 * The four CloudFormation templates of one deployment target as plain JSON (what `cdk synth`
 * writes to cdk.out), synthesised once per call or, shared by the test files of a run, once per
 * run (sharedTemplates), and written to a folder for tools that read files (cfn-lint).
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

export function synthesiseTemplates(target: DeploymentTarget): SynthesisedTemplates {
  const { templates } = synthIpstats({}, target.env);
  const json = Object.fromEntries(Object.entries(templates).map(([key, template]) => [key, template.toJSON() as CfnTemplateJson]));
  return { target, templates: json as Record<StackKey, CfnTemplateJson> };
}

/** The templates of a target, synthesised once per test run (and sources) for every test file that asks. */
export async function sharedTemplates(target: DeploymentTarget): Promise<SynthesisedTemplates> {
  const dir = await cachedSynthesis('templates', { label: target.label, env: target.env ?? null }, async (outdir) => {
    await writeTemplates(outdir, synthesiseTemplates(target));
    return outdir;
  });
  const entries = await Promise.all(
    STACK_KEYS.map(async (key) => [key, JSON.parse(await readFile(path.join(dir, target.label, `${key}.template.json`), 'utf8')) as CfnTemplateJson] as const),
  );
  return { target, templates: Object.fromEntries(entries) as Record<StackKey, CfnTemplateJson> };
}

const STACK_KEYS: readonly StackKey[] = ['storage', 'catalog', 'delivery', 'pipeline'];

/** Writes `<dir>/<target label>/<stack>.template.json`; returns the files by stack. */
export async function writeTemplates(dir: string, synthesised: SynthesisedTemplates): Promise<Record<StackKey, string>> {
  const folder = path.join(dir, synthesised.target.label);
  await mkdir(folder, { recursive: true });
  const entries = await Promise.all(
    Object.entries(synthesised.templates).map(async ([key, template]) => {
      const file = path.join(folder, `${key}.template.json`);
      await writeFile(file, JSON.stringify(template, null, 1));
      return [key, file] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<StackKey, string>;
}
