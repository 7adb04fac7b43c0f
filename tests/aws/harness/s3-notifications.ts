/**
 * The bucket notifications the templates configure (aws-cdk-lib writes them through a
 * Custom::S3BucketNotifications resource), and the event S3 sends when an object is created:
 * which functions an object's key reaches, by event type and prefix/suffix filter, exactly as
 * S3 would match them. moto stores objects but invokes no local function, so the harness plays
 * S3's part in delivering the event.
 */
import { resourcesOfType } from './cloudformation-template.ts';
import type { LocalAccount } from './local-account.ts';
import type { LocalDeployment } from './local-deployment.ts';

export interface LambdaNotification {
  readonly bucket: string;
  /** `s3:ObjectCreated:*` … */
  readonly events: readonly string[];
  readonly prefix: string;
  readonly suffix: string;
  readonly functionArn: string;
}

interface NotificationConfiguration {
  readonly LambdaFunctionConfigurations?: readonly {
    readonly Events: readonly string[];
    readonly LambdaFunctionArn: string;
    readonly Filter?: { readonly Key?: { readonly FilterRules?: readonly { readonly Name: string; readonly Value: string }[] } };
  }[];
}

export function readLambdaNotifications(deployment: LocalDeployment): LambdaNotification[] {
  const notifications: LambdaNotification[] = [];
  for (const stack of deployment.stacks) {
    for (const [, resource] of resourcesOfType(stack, 'Custom::S3BucketNotifications')) {
      const bucket = deployment.resolveString(stack.stackName, resource.Properties?.BucketName, `${stack.stackName} notification bucket`);
      const configuration = deployment.resolve(stack.stackName, resource.Properties?.NotificationConfiguration ?? {}) as NotificationConfiguration;
      for (const target of configuration.LambdaFunctionConfigurations ?? []) {
        const rules = target.Filter?.Key?.FilterRules ?? [];
        const rule = (name: string) => rules.find((candidate) => candidate.Name.toLowerCase() === name)?.Value ?? '';
        notifications.push({ bucket, events: target.Events, prefix: rule('prefix'), suffix: rule('suffix'), functionArn: target.LambdaFunctionArn });
      }
    }
  }
  return notifications;
}

/** `ObjectCreated:Put` matches `s3:ObjectCreated:*` and `s3:ObjectCreated:Put`. */
function eventMatches(eventName: string, patterns: readonly string[]): boolean {
  const full = `s3:${eventName}`;
  return patterns.some((pattern) => (pattern.endsWith(':*') ? full.startsWith(pattern.slice(0, -1)) : full === pattern));
}

export function notifiedFunctions(notifications: readonly LambdaNotification[], bucket: string, key: string, eventName: string): string[] {
  return notifications
    .filter((n) => n.bucket === bucket && eventMatches(eventName, n.events) && key.startsWith(n.prefix) && key.endsWith(n.suffix))
    .map((n) => n.functionArn);
}

export interface CreatedObject {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly eTag: string;
  readonly versionId?: string;
}

/** The event S3 sends for one created object: keys URL-encoded as S3 encodes them (a space as "+"). */
export function objectCreatedEvent(account: LocalAccount, object: CreatedObject, eventName = 'ObjectCreated:Put') {
  const encodedKey = encodeURIComponent(object.key).replaceAll('%2F', '/').replaceAll('%20', '+');
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: account.region,
        eventTime: new Date().toISOString(),
        eventName,
        userIdentity: { principalId: 'AWS:HARNESS' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'HARNESS', 'x-amz-id-2': 'HARNESS' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'harness',
          bucket: { name: object.bucket, ownerIdentity: { principalId: 'HARNESS' }, arn: `arn:${account.partition}:s3:::${object.bucket}` },
          object: {
            key: encodedKey,
            size: object.size,
            eTag: object.eTag.replaceAll('"', ''),
            ...(object.versionId === undefined ? {} : { versionId: object.versionId }),
            sequencer: Date.now().toString(16).toUpperCase().padStart(16, '0'),
          },
        },
      },
    ],
  };
}
