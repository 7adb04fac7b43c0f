/**
 * The AWS managed policies the templates may attach (`arn:${AWS::Partition}:iam::aws:policy/<name>`),
 * each with where it is documented to exist in the aws-cn partition. A test resolves every
 * managed policy ARN of the templates for cn-north-1 and cn-northwest-1 and fails on a name
 * not listed here, so attaching a new managed policy means finding it on docs.amazonaws.cn
 * (or in the IAM console of a China account) first.
 *
 * Today the only one is attached by aws-cdk-lib itself, to the handler of the S3 bucket
 * notification custom resource; the pipeline's own roles use no managed policy.
 */
export interface ChinaManagedPolicy {
  /** Where it exists in the China regions. */
  readonly source: string;
  /** What attaches it. */
  readonly usedBy: string;
}

export const CHINA_MANAGED_POLICIES: Readonly<Record<string, ChinaManagedPolicy>> = {
  'service-role/AWSLambdaBasicExecutionRole': {
    source:
      'Amazon Lambda Developer Guide on docs.amazonaws.cn, "Defining Lambda function permissions with an execution role" ' +
      '(https://docs.amazonaws.cn/en_us/lambda/latest/dg/lambda-intro-execution-role.html): the execution role the China console creates ' +
      'includes the AWSLambdaBasicExecutionRole managed policy',
    usedBy: "aws-cdk-lib's BucketNotificationsHandler (the S3 notification custom resource), CloudWatch Logs only",
  },
};
