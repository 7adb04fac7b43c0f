/**
 * Finds every Lambda function of the deployment that runs a bundle from cdk.out: its asset
 * folder (through the stack's asset manifest, as `cdk deploy` finds what to upload), handler,
 * settings and environment, intrinsics resolved. Functions with inline code (aws-cdk-lib's
 * deploy-time handlers, such as the one that writes bucket notifications) are left out: they
 * run while CloudFormation deploys, never on data.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BundledFunction } from './bundled-function.ts';
import { resourcesOfType } from './cloudformation-template.ts';
import type { LocalDeployment } from './local-deployment.ts';

interface AssetManifest {
  readonly files?: Readonly<Record<string, { readonly source: { readonly path?: string }; readonly destinations: Readonly<Record<string, { readonly objectKey: string }>> }>>;
}

interface FunctionProperties {
  readonly Code?: { readonly S3Key?: unknown; readonly ZipFile?: unknown };
  readonly Handler?: string;
  readonly Runtime?: string;
  readonly Architectures?: readonly string[];
  readonly MemorySize?: number;
  readonly Timeout?: number;
  readonly EphemeralStorage?: { readonly Size?: number };
  readonly Environment?: { readonly Variables?: Readonly<Record<string, unknown>> };
  readonly LoggingConfig?: { readonly ApplicationLogLevel?: string; readonly LogGroup?: unknown };
  readonly ReservedConcurrentExecutions?: number;
  readonly DeadLetterConfig?: { readonly TargetArn?: unknown };
}

/** Asset folders by the S3 key the template's Code refers to, from every asset manifest of the assembly. */
async function assetFoldersByObjectKey(assemblyDir: string): Promise<Map<string, string>> {
  const manifest = JSON.parse(await readFile(path.join(assemblyDir, 'manifest.json'), 'utf8')) as {
    readonly artifacts?: Readonly<Record<string, { readonly type: string; readonly properties?: { readonly file?: string } }>>;
  };
  const folders = new Map<string, string>();
  for (const artifact of Object.values(manifest.artifacts ?? {})) {
    if (artifact.type !== 'cdk:asset-manifest' || artifact.properties?.file === undefined) continue;
    const assets = JSON.parse(await readFile(path.join(assemblyDir, artifact.properties.file), 'utf8')) as AssetManifest;
    for (const file of Object.values(assets.files ?? {})) {
      if (file.source.path === undefined) continue;
      for (const destination of Object.values(file.destinations)) folders.set(destination.objectKey, path.join(assemblyDir, file.source.path));
    }
  }
  return folders;
}

export async function readBundledFunctions(assemblyDir: string, deployment: LocalDeployment): Promise<BundledFunction[]> {
  const folders = await assetFoldersByObjectKey(assemblyDir);
  const functions: BundledFunction[] = [];
  for (const stack of deployment.stacks) {
    for (const [logicalId, resource] of resourcesOfType(stack, 'AWS::Lambda::Function')) {
      const props = (resource.Properties ?? {}) as FunctionProperties;
      if (props.Code?.S3Key === undefined || !(props.Runtime ?? '').startsWith('nodejs')) continue;
      const where = `${stack.stackName}/${logicalId}`;
      const objectKey = deployment.resolveString(stack.stackName, props.Code.S3Key, `${where} Code.S3Key`);
      const taskRoot = folders.get(objectKey);
      if (taskRoot === undefined) throw new Error(`${where}: no asset in ${assemblyDir} is uploaded as ${objectKey}`);
      const physical = deployment.physical(stack.stackName, logicalId);
      const variables = props.Environment?.Variables ?? {};
      const environment = Object.fromEntries(
        Object.entries(variables).map(([name, value]) => [name, deployment.resolveString(stack.stackName, value, `${where} environment ${name}`)]),
      );
      const logGroup = props.LoggingConfig?.LogGroup;
      functions.push({
        stackName: stack.stackName,
        logicalId,
        functionName: physical.ref,
        functionArn: physical.attributes.Arn!,
        taskRoot,
        handler: props.Handler ?? 'index.handler',
        runtime: props.Runtime ?? 'nodejs',
        // Lambda's defaults when the template leaves them out.
        architecture: props.Architectures?.[0] === 'arm64' ? 'arm64' : 'x86_64',
        memorySizeMb: props.MemorySize ?? 128,
        timeoutSeconds: props.Timeout ?? 3,
        ephemeralStorageMiB: props.EphemeralStorage?.Size ?? 512,
        environment,
        ...(props.LoggingConfig?.ApplicationLogLevel === undefined ? {} : { applicationLogLevel: props.LoggingConfig.ApplicationLogLevel }),
        logGroupName: logGroup === undefined ? `/aws/lambda/${physical.ref}` : deployment.resolveString(stack.stackName, logGroup, `${where} log group`),
        ...(props.ReservedConcurrentExecutions === undefined ? {} : { reservedConcurrentExecutions: props.ReservedConcurrentExecutions }),
        ...(props.DeadLetterConfig?.TargetArn === undefined
          ? {}
          : { deadLetterTargetArn: deployment.resolveString(stack.stackName, props.DeadLetterConfig.TargetArn, `${where} dead-letter target`) }),
      });
    }
  }
  return functions;
}
