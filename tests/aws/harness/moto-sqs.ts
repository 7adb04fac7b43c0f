/**
 * The few SQS calls the harness makes on moto (create a dead-letter queue, send a failed event
 * to it, read what it holds), over SQS's JSON protocol with fetch: the project ships no SQS
 * client, and its functions never call SQS themselves (Lambda writes their dead letters).
 */
export interface SqsMessage {
  readonly messageId: string;
  readonly body: string;
  readonly attributes: Readonly<Record<string, string>>;
}

async function call<T>(endpoint: string, action: string, body: Record<string, unknown>): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `AmazonSQS.${action}`,
      // moto does not check signatures; it reads the region from the credential scope.
      authorization: 'AWS4-HMAC-SHA256 Credential=harness/20250101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`SQS ${action} on ${endpoint} failed with HTTP ${response.status}: ${text}`);
  return (text === '' ? {} : JSON.parse(text)) as T;
}

export async function createQueue(endpoint: string, queueName: string): Promise<string> {
  const { QueueUrl } = await call<{ QueueUrl: string }>(endpoint, 'CreateQueue', { QueueName: queueName });
  return QueueUrl;
}

export async function sendMessage(endpoint: string, queueUrl: string, body: string, attributes: Readonly<Record<string, string>> = {}): Promise<void> {
  const messageAttributes = Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, { DataType: 'String', StringValue: value }]));
  await call(endpoint, 'SendMessage', { QueueUrl: queueUrl, MessageBody: body, MessageAttributes: messageAttributes });
}

/** Every message waiting in the queue (up to 100), left in the queue's in-flight state. */
export async function receiveMessages(endpoint: string, queueUrl: string): Promise<SqsMessage[]> {
  const messages: SqsMessage[] = [];
  for (;;) {
    const { Messages } = await call<{ Messages?: { MessageId: string; Body: string; MessageAttributes?: Record<string, { StringValue?: string }> }[] }>(
      endpoint,
      'ReceiveMessage',
      { QueueUrl: queueUrl, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'], VisibilityTimeout: 300 },
    );
    if (Messages === undefined || Messages.length === 0 || messages.length >= 100) return messages;
    for (const message of Messages) {
      const attributes = Object.fromEntries(Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue ?? '']));
      messages.push({ messageId: message.MessageId, body: message.Body, attributes });
    }
  }
}
