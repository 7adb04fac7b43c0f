/**
 * The link signer's access key as the delivery stack stores it in Secrets Manager:
 * `{"accessKeyId":"…","secretAccessKey":"…"}` (infra/constructs/report-link-signer.ts).
 * Errors name the secret, never its value: the value is a credential.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';

export const LinkSignerCredentialsSchema = z.object({
  accessKeyId: z.string().regex(/^[A-Z0-9]+$/, 'expected an access key id (capital letters and digits)'),
  secretAccessKey: z.string().min(1, 'expected a non-empty secret access key'),
});
export type LinkSignerCredentials = z.infer<typeof LinkSignerCredentialsSchema>;

/** The secret is missing, unreadable or not the expected JSON object. */
export class LinkSignerSecretError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LinkSignerSecretError';
  }
}

const EXPECTED = 'expected JSON {"accessKeyId": "...", "secretAccessKey": "..."}';

export function parseLinkSignerSecret(secretArn: string, secretString: string | undefined): LinkSignerCredentials {
  if (secretString === undefined) throw new LinkSignerSecretError(`link signer secret ${secretArn} has no SecretString: ${EXPECTED}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(secretString);
  } catch {
    // No `cause`: JSON.parse's message quotes the text it failed on, i.e. the credential.
    throw new LinkSignerSecretError(`link signer secret ${secretArn} is not JSON: ${EXPECTED}`);
  }
  const result = LinkSignerCredentialsSchema.safeParse(parsed);
  if (!result.success) {
    // Only field names and rules; zod v4 issues do not carry the input unless asked to.
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`).join('; ');
    throw new LinkSignerSecretError(`link signer secret ${secretArn} is malformed (${problems}): ${EXPECTED}`, { cause: result.error });
  }
  return result.data;
}

export async function fetchLinkSignerCredentials(client: SecretsManagerClient, secretArn: string): Promise<LinkSignerCredentials> {
  let secretString: string | undefined;
  try {
    ({ SecretString: secretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn })));
  } catch (error) {
    throw new LinkSignerSecretError(`cannot read link signer secret ${secretArn}: ${(error as Error).message}`, { cause: error });
  }
  return parseLinkSignerSecret(secretArn, secretString);
}
