/**
 * An Athena API call refused outright (HTTP 400 in the AWS JSON 1.1 protocol), as opposed to a
 * query that starts and then FAILS: `__type` is the exception the SDK raises by name
 * (InvalidRequestException, TooManyRequestsException), `AthenaErrorCode` Athena's own code.
 */
export type AthenaExceptionName = 'InvalidRequestException' | 'TooManyRequestsException' | 'UnknownOperationException';

export class AthenaApiError extends Error {
  constructor(
    readonly exception: AthenaExceptionName,
    message: string,
    readonly extra: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'AthenaApiError';
  }
}

export function invalidRequest(message: string): AthenaApiError {
  return new AthenaApiError('InvalidRequestException', message, { AthenaErrorCode: 'INVALID_INPUT' });
}
