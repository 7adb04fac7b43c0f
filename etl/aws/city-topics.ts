/**
 * The SNS topic of each city's report notifications (`IPSTATS_CITY_TOPIC_ARNS`, a JSON object
 * city code → topic ARN, set by the stack); the `report` function publishes the notification
 * the local `--deliver` writes to its outbox, with presigned links to the report's files.
 */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { z } from 'zod';
import type { CityNotification } from '../reports/delivery/city-notification.ts';

export const CityTopicArnsSchema = z.record(z.string().regex(/^\d{6}$/, 'expected a six-digit city code'), z.string().startsWith('arn:'));
export type CityTopicArns = z.infer<typeof CityTopicArnsSchema>;

export function parseCityTopicArns(text: string | undefined): CityTopicArns {
  if (text === undefined || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`IPSTATS_CITY_TOPIC_ARNS is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = CityTopicArnsSchema.safeParse(value);
  if (!parsed.success) throw new Error(`IPSTATS_CITY_TOPIC_ARNS: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}; expected {"440300": "arn:…:sns:…"}`, { cause: parsed.error });
  return parsed.data;
}

/** Publishes the notification; returns the SNS message id. */
export async function publishCityNotification(client: SNSClient, topicArn: string, notification: CityNotification): Promise<string> {
  const response = await client.send(
    new PublishCommand({
      TopicArn: topicArn,
      Subject: notification.subject,
      Message: notification.message,
      MessageAttributes: Object.fromEntries(Object.entries(notification.attributes).map(([name, value]) => [name, { DataType: 'String', StringValue: value }])),
    }),
  );
  if (response.MessageId === undefined) throw new Error(`SNS returned no MessageId for the ${notification.cityCode} notification on ${topicArn}`);
  return response.MessageId;
}
