/**
 * A synthesised CloudFormation template as JSON (what `cdk synth` writes to cdk.out), read
 * without aws-cdk-lib: the harness works from the files a deployment would upload.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
  readonly Metadata?: Readonly<Record<string, unknown>>;
  readonly DependsOn?: string | readonly string[];
}

export interface CfnOutput {
  readonly Value: unknown;
  readonly Export?: { readonly Name: unknown };
}

export interface CfnTemplate {
  readonly Resources: Readonly<Record<string, CfnResource>>;
  readonly Outputs?: Readonly<Record<string, CfnOutput>>;
}

/** A stack of the cloud assembly: its name (as CloudFormation knows it) and its template. */
export interface SynthesizedStack {
  readonly stackName: string;
  readonly template: CfnTemplate;
}

interface AssemblyManifest {
  readonly artifacts?: Readonly<Record<string, { readonly type: string; readonly properties?: { readonly templateFile?: string; readonly stackName?: string } }>>;
}

/** Every stack of a cloud assembly folder (cdk.out), in manifest order. */
export async function readSynthesizedStacks(assemblyDir: string): Promise<SynthesizedStack[]> {
  const manifest = JSON.parse(await readFile(path.join(assemblyDir, 'manifest.json'), 'utf8')) as AssemblyManifest;
  const stacks: SynthesizedStack[] = [];
  for (const [artifactId, artifact] of Object.entries(manifest.artifacts ?? {})) {
    if (artifact.type !== 'aws:cloudformation:stack') continue;
    const templateFile = artifact.properties?.templateFile;
    if (templateFile === undefined) throw new Error(`stack artifact ${artifactId} in ${assemblyDir} names no template file`);
    const template = JSON.parse(await readFile(path.join(assemblyDir, templateFile), 'utf8')) as CfnTemplate;
    stacks.push({ stackName: artifact.properties?.stackName ?? artifactId, template });
  }
  return stacks;
}

/** The resources of one type in a stack, by logical id. */
export function resourcesOfType(stack: SynthesizedStack, type: string): [string, CfnResource][] {
  return Object.entries(stack.template.Resources).filter(([, resource]) => resource.Type === type);
}
