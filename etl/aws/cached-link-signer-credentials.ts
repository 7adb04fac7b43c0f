/**
 * The link signer's credentials, read from Secrets Manager once per container and again after a
 * TTL, so a rotated key (docs/aws.md) reaches warm functions without a redeploy. A failed read is
 * not cached: the next invocation tries again.
 */
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { fetchLinkSignerCredentials, type LinkSignerCredentials } from './link-signer-secret.ts';

/** Well under the 7 days the old key stays valid during a rotation. */
export const DEFAULT_LINK_SIGNER_CACHE_MS = 5 * 60 * 1000;

export interface CachedLinkSignerCredentialsOptions {
  readonly client: SecretsManagerClient;
  readonly secretArn: string;
  /** @default 300000 (5 minutes) */
  readonly ttlMs?: number;
  /** @default Date.now */
  readonly clock?: () => number;
}

export function cachedLinkSignerCredentials(options: CachedLinkSignerCredentialsOptions): () => Promise<LinkSignerCredentials> {
  const ttlMs = options.ttlMs ?? DEFAULT_LINK_SIGNER_CACHE_MS;
  const clock = options.clock ?? Date.now;
  let cached: { readonly readAt: number; readonly credentials: Promise<LinkSignerCredentials> } | undefined;
  return () => {
    const now = clock();
    if (cached === undefined || now - cached.readAt >= ttlMs) {
      const credentials = fetchLinkSignerCredentials(options.client, options.secretArn);
      const entry = { readAt: now, credentials };
      cached = entry;
      credentials.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.credentials;
  };
}
