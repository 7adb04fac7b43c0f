/**
 * The endpoint hosts the AWS SDK for JavaScript calls in a region, from the SDK's own endpoint
 * rules (no network): one per `@aws-sdk/client-*` package the project depends on, i.e. the
 * clients the Lambda bundles carry.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './synth-ipstats.ts';

interface SdkClient {
  readonly config: { endpointProvider(params: Record<string, unknown>): { url: URL } };
  destroy(): void;
}
type SdkClientClass = new (config: { region: string }) => SdkClient;

export function sdkClientPackages(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  return Object.keys(manifest.dependencies).filter((name) => name.startsWith('@aws-sdk/client-')).sort();
}

/** The host a client package's client calls in the region, e.g. `s3.cn-north-1.amazonaws.com.cn`. */
export async function sdkEndpointHost(clientPackage: string, region: string): Promise<string> {
  const module = (await import(clientPackage)) as Record<string, unknown>;
  const classes = Object.entries(module).filter(([name, value]) => /^[A-Z][A-Za-z0-9]*Client$/.test(name) && typeof value === 'function');
  if (classes.length !== 1) throw new Error(`${clientPackage} exports ${classes.length} client classes (${classes.map(([name]) => name).join(', ')}), expected one`);
  const client = new (classes[0]![1] as SdkClientClass)({ region });
  try {
    return client.config.endpointProvider({ Region: region, UseFIPS: false, UseDualStack: false }).url.host;
  } finally {
    client.destroy();
  }
}
