/**
 * The account the harness "deploys" into: moto's default account, one region, fake credentials.
 * Every ARN the harness makes and every pseudo parameter it resolves comes from here.
 */
export interface LocalAccount {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly urlSuffix: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** moto answers as account 123456789012; its ARNs must match the ones the templates resolve to. */
export const MOTO_ACCOUNT: LocalAccount = {
  accountId: '123456789012',
  region: 'us-east-1',
  partition: 'aws',
  urlSuffix: 'amazonaws.com',
  credentials: { accessKeyId: 'harness', secretAccessKey: 'harness' },
};

export function arn(account: LocalAccount, service: string, resource: string, options: { readonly global?: boolean; readonly noAccount?: boolean } = {}): string {
  const region = options.global === true || options.noAccount === true ? '' : account.region;
  const accountId = options.noAccount === true ? '' : account.accountId;
  return `arn:${account.partition}:${service}:${region}:${accountId}:${resource}`;
}
