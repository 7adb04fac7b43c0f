/**
 * What an SNS topic on moto delivered, read back as a subscriber would: a new SQS queue on moto
 * is subscribed to the topic (protocol `sqs`, as an operator would subscribe one), and the
 * notifications are read from it with their SNS envelope (subject, message, attributes).
 */
import { SubscribeCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { LocalAccount } from './local-account.ts';
import { createQueue, receiveMessages } from './moto-sqs.ts';

export interface TopicNotification {
  readonly messageId: string;
  readonly topicArn: string;
  readonly subject: string | undefined;
  readonly message: string;
  /** The SNS message attributes, by name (string values). */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface TopicInbox {
  readonly topicArn: string;
  /** Every notification delivered since the subscription and not read before. */
  read(): Promise<TopicNotification[]>;
}

interface SnsEnvelope {
  readonly Type: string;
  readonly MessageId: string;
  readonly TopicArn: string;
  readonly Subject?: string;
  readonly Message: string;
  readonly MessageAttributes?: Readonly<Record<string, { readonly Type: string; readonly Value: string }>>;
}

export async function subscribeTopicInbox(options: { readonly sns: SNSClient; readonly motoEndpoint: string; readonly account: LocalAccount; readonly topicArn: string; readonly queueName: string }): Promise<TopicInbox> {
  const { sns, motoEndpoint, account, topicArn, queueName } = options;
  const queueUrl = await createQueue(motoEndpoint, queueName);
  const queueArn = `arn:${account.partition}:sqs:${account.region}:${account.accountId}:${queueName}`;
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queueArn }));
  return {
    topicArn,
    async read() {
      return (await receiveMessages(motoEndpoint, queueUrl)).map((received) => {
        const envelope = JSON.parse(received.body) as SnsEnvelope;
        if (envelope.Type !== 'Notification') throw new Error(`queue ${queueName} received an SNS ${envelope.Type}, not a Notification`);
        return {
          messageId: envelope.MessageId,
          topicArn: envelope.TopicArn,
          subject: envelope.Subject,
          message: envelope.Message,
          attributes: Object.fromEntries(Object.entries(envelope.MessageAttributes ?? {}).map(([name, value]) => [name, value.Value])),
        };
      });
    },
  };
}
