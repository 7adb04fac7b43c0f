/**
 * Report links signed by the link signer's long-lived key (7 days, no session token) or, without
 * its secret, by the role's temporary credentials with the expiry capped to their lifetime.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedLinkSignerCredentials } from '../../../etl/aws/cached-link-signer-credentials.ts';
import { cappedExpirySeconds, reportLinkSigning } from '../../../etl/aws/report-link-signing.ts';
import { linksFor } from '../../../etl/reports/delivery/deliver-reports.ts';

const SECRET_ARN = 'arn:aws-cn:secretsmanager:cn-northwest-1:123456789012:secret:IpstatsDeliveryReportLinkSigner-AbCdEf';
const SIGNER = { accessKeyId: 'AKIASIGNERKEY00001', secretAccessKey: 'signer-secret-access-key-1' };
const NOW = new Date('2026-01-05T02:00:00Z');
const FILES = [{ format: 'html', key: 'reports/city=440300/period=2025-06/report.html' }] as const;

function roleTarget(expiration?: Date) {
  const client = new S3Client({
    region: 'cn-northwest-1',
    credentials: async () => ({ accessKeyId: 'ASIAROLEKEY0000001', secretAccessKey: 'role-secret', sessionToken: 'role-session-token', expiration }),
  });
  return { kind: 's3' as const, client, bucket: 'ipstats-reports-123456789012-cn-northwest-1', prefix: '' };
}

async function signedUrl(signing: Awaited<ReturnType<ReturnType<typeof reportLinkSigning>>>): Promise<URL> {
  const { links } = await linksFor(signing.target, FILES, NOW);
  return new URL(links[0]!.url);
}

describe('report link signing', () => {
  const secrets = mockClient(SecretsManagerClient);
  afterEach(() => secrets.reset());

  it("signs with the link signer's key for the full 7 days, with no session token", async () => {
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: JSON.stringify(SIGNER) });
    const signing = await reportLinkSigning({
      roleTarget: roleTarget(new Date(NOW.getTime() + 3600_000)),
      signerCredentials: cachedLinkSignerCredentials({ client: new SecretsManagerClient({}), secretArn: SECRET_ARN }),
      env: { AWS_REGION: 'cn-northwest-1' },
    })(NOW);
    expect({ signedBy: signing.signedBy, expiresInSeconds: signing.expiresInSeconds, roleCredentialsExpireAt: signing.roleCredentialsExpireAt }).toEqual({
      signedBy: 'link-signer',
      expiresInSeconds: 604800,
      roleCredentialsExpireAt: null,
    });
    const url = await signedUrl(signing);
    expect(url.searchParams.get('X-Amz-Credential')).toBe('AKIASIGNERKEY00001/20260105/cn-northwest-1/s3/aws4_request');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('604800');
    expect(url.searchParams.has('X-Amz-Security-Token')).toBe(false);
    expect(url.host).toBe('ipstats-reports-123456789012-cn-northwest-1.s3.cn-northwest-1.amazonaws.com.cn');
  });

  it('reads the secret once per TTL and picks up a rotated key afterwards', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: JSON.stringify(SIGNER) })
      .resolves({ SecretString: JSON.stringify({ accessKeyId: 'AKIASIGNERKEY00002', secretAccessKey: 'signer-secret-access-key-2' }) });
    let clock = NOW.getTime();
    const signing = reportLinkSigning({
      roleTarget: roleTarget(),
      signerCredentials: cachedLinkSignerCredentials({ client: new SecretsManagerClient({}), secretArn: SECRET_ARN, ttlMs: 60_000, clock: () => clock }),
      env: { AWS_REGION: 'cn-northwest-1' },
    });
    const first = await signedUrl(await signing(NOW));
    clock += 59_999;
    const cached = await signedUrl(await signing(NOW));
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    clock += 1;
    const rotated = await signedUrl(await signing(NOW));
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    expect([first, cached, rotated].map((url) => url.searchParams.get('X-Amz-Credential')!.split('/')[0])).toEqual([
      'AKIASIGNERKEY00001',
      'AKIASIGNERKEY00001',
      'AKIASIGNERKEY00002',
    ]);
  });

  it('names the secret, not its value, when the secret is malformed, and tries again next time', async () => {
    secrets
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'AKIASIGNERKEY00001:top-secret-value' })
      .resolvesOnce({ SecretString: JSON.stringify({ accessKeyId: 'AKIASIGNERKEY00001' }) })
      .resolvesOnce({})
      .resolves({ SecretString: JSON.stringify(SIGNER) });
    const credentials = cachedLinkSignerCredentials({ client: new SecretsManagerClient({}), secretArn: SECRET_ARN });
    const notJson = await credentials().catch((error: Error) => error);
    expect((notJson as Error).message).toBe(
      `link signer secret ${SECRET_ARN} is not JSON: expected JSON {"accessKeyId": "...", "secretAccessKey": "..."}`,
    );
    expect((notJson as Error).name).toBe('LinkSignerSecretError');
    await expect(credentials()).rejects.toThrow(
      `link signer secret ${SECRET_ARN} is malformed (secretAccessKey: Invalid input: expected string, received undefined): expected JSON {"accessKeyId": "...", "secretAccessKey": "..."}`,
    );
    await expect(credentials()).rejects.toThrow(`link signer secret ${SECRET_ARN} has no SecretString`);
    expect(await credentials()).toEqual(SIGNER);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(4);
  });

  it('says which secret it could not read, keeping the cause', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform: secretsmanager:GetSecretValue'), { name: 'AccessDeniedException' });
    secrets.on(GetSecretValueCommand).rejects(denied);
    const error = await cachedLinkSignerCredentials({ client: new SecretsManagerClient({}), secretArn: SECRET_ARN })().catch((e: Error) => e);
    expect((error as Error).message).toBe(`cannot read link signer secret ${SECRET_ARN}: User is not authorized to perform: secretsmanager:GetSecretValue`);
    expect(((error as Error).cause as Error).name).toBe('AccessDeniedException');
  });

  it('without the secret, signs with the role and caps the expiry to the role credentials it knows', async () => {
    const signing = await reportLinkSigning({ roleTarget: roleTarget(new Date(NOW.getTime() + 3 * 3600_000 + 500)), env: {} })(NOW);
    expect(signing.signedBy).toBe('role');
    expect(signing.expiresInSeconds).toBe(10800);
    expect(signing.roleCredentialsExpireAt).toEqual(new Date('2026-01-05T05:00:00.500Z'));
    const url = await signedUrl(signing);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('10800');
    expect(url.searchParams.get('X-Amz-Credential')!.split('/')[0]).toBe('ASIAROLEKEY0000001');
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('role-session-token');
  });

  it('without the secret and without a known expiry, keeps 7 days (the caller warns)', async () => {
    const signing = await reportLinkSigning({ roleTarget: roleTarget(undefined), env: {} })(NOW);
    expect({ signedBy: signing.signedBy, expiresInSeconds: signing.expiresInSeconds, roleCredentialsExpireAt: signing.roleCredentialsExpireAt }).toEqual({
      signedBy: 'role',
      expiresInSeconds: 604800,
      roleCredentialsExpireAt: null,
    });
  });

  it('caps between 1 second and 7 days', () => {
    expect(cappedExpirySeconds(new Date(NOW.getTime() + 30 * 86400_000), NOW)).toBe(604800);
    expect(cappedExpirySeconds(new Date(NOW.getTime() - 1000), NOW)).toBe(1);
    expect(cappedExpirySeconds(new Date(NOW.getTime() + 61_999), NOW)).toBe(61);
  });
});
