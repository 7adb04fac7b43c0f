/**
 * Which credentials sign the `report` function's links. With the link signer's secret
 * (IPSTATS_LINK_SIGNER_SECRET_ARN) the links are signed with that IAM user's long-lived key and
 * last the full 7 days. Without it they are signed with the function role's temporary
 * credentials, which die sooner: the expiry is then capped to their remaining lifetime when the
 * SDK knows it, and the caller is told so it can warn.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { S3_ENDPOINT_ENV } from '../lake/open-object-store.ts';
import { createS3Client } from '../lake/s3-object-store.ts';
import type { LinkTarget } from '../reports/delivery/deliver-reports.ts';
import { DEFAULT_LINK_EXPIRY_SECONDS } from '../reports/delivery/presign-report-links.ts';
import type { LinkSignerCredentials } from './link-signer-secret.ts';

type S3LinkTarget = Extract<LinkTarget, { kind: 's3' }>;

export interface ReportLinkSigning {
  readonly target: S3LinkTarget;
  readonly signedBy: 'link-signer' | 'role';
  readonly expiresInSeconds: number;
  /** When the role's credentials expire, if the SDK knows; null when signed by the link signer or unknown. */
  readonly roleCredentialsExpireAt: Date | null;
}

export interface ReportLinkSigningOptions {
  /** The reports bucket target signed with the function's own (role) credentials: linkTargetFor(reportsUrl). */
  readonly roleTarget: S3LinkTarget;
  /** The link signer's credentials (cachedLinkSignerCredentials); undefined when no secret is configured. */
  readonly signerCredentials?: () => Promise<LinkSignerCredentials>;
  /** For IPSTATS_S3_ENDPOINT, as the object stores read it. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** Returns a function giving the link target for one delivery; S3 clients are reused while the key is unchanged. */
export function reportLinkSigning(options: ReportLinkSigningOptions): (now: Date) => Promise<ReportLinkSigning> {
  const env = options.env ?? process.env;
  let signerClient: { readonly accessKeyId: string; readonly client: S3Client } | undefined;
  return async (now) => {
    if (options.signerCredentials !== undefined) {
      const credentials = await options.signerCredentials();
      if (signerClient?.accessKeyId !== credentials.accessKeyId) {
        // A rotated key: the old client holds the old credentials.
        signerClient?.client.destroy();
        const region = await options.roleTarget.client.config.region();
        signerClient = { accessKeyId: credentials.accessKeyId, client: signerS3Client(credentials, region, env) };
      }
      const target = { ...options.roleTarget, client: signerClient.client, expiresInSeconds: DEFAULT_LINK_EXPIRY_SECONDS };
      return { target, signedBy: 'link-signer', expiresInSeconds: DEFAULT_LINK_EXPIRY_SECONDS, roleCredentialsExpireAt: null };
    }
    const { expiration } = await options.roleTarget.client.config.credentials();
    const expiresInSeconds = expiration === undefined ? DEFAULT_LINK_EXPIRY_SECONDS : cappedExpirySeconds(expiration, now);
    return { target: { ...options.roleTarget, expiresInSeconds }, signedBy: 'role', expiresInSeconds, roleCredentialsExpireAt: expiration ?? null };
  };
}

/** Seconds until the role credentials expire, at most 7 days and at least 1 (presigning's floor). */
export function cappedExpirySeconds(credentialsExpireAt: Date, now: Date): number {
  const remaining = Math.floor((credentialsExpireAt.getTime() - now.getTime()) / 1000);
  return Math.max(1, Math.min(DEFAULT_LINK_EXPIRY_SECONDS, remaining));
}

/** Same region and endpoint as the role's client; only the credentials differ. */
function signerS3Client(credentials: LinkSignerCredentials, region: string, env: NodeJS.ProcessEnv): S3Client {
  const endpoint = env[S3_ENDPOINT_ENV];
  return createS3Client({ region, credentials, ...(endpoint === undefined || endpoint === '' ? {} : { endpoint }) });
}
