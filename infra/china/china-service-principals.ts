/**
 * The IAM service principals the templates may name (trust policies, key and bucket policies,
 * Lambda permissions), each with what is known of it in the aws-cn partition. In China most
 * services use the global form `<service>.amazonaws.com`, some `<service>.amazonaws.com.cn`
 * ("service principal values vary by region", Getting Started with Amazon Web Services in
 * China, general information: https://docs.amazonaws.cn/en_us/aws/latest/userguide/general-info.html),
 * and an unknown principal makes IAM reject the whole policy (MalformedPolicyDocument) at
 * deploy time. There is no machine-readable list from AWS; each entry records its sources.
 *
 * `confirmed`: an AWS page on docs.amazonaws.cn, or a list taken from the IAM console of a
 * China account, names this principal for the service. `to-confirm`: only the global docs do,
 * or sources disagree; docs/aws.md lists these among the checks before a first China deployment.
 *
 * A test fails on any service principal of the templates that is not listed here.
 */
export interface ChinaServicePrincipal {
  readonly status: 'confirmed' | 'to-confirm';
  readonly usedFor: string;
  readonly sources: readonly string[];
}

const CONSOLE_LIST = 'Validated IAM service principal list for AWS China regions, from the China IAM console (github.com/henrysher/aws-china-iam-service-principal-list)';
const CDK_STANDARDISED = 'aws-cdk-lib since PR aws/aws-cdk#22819 writes <service>.amazonaws.com in every partition ("all services now use the global service principal name")';

export const CHINA_SERVICE_PRINCIPALS: Readonly<Record<string, ChinaServicePrincipal>> = {
  'lambda.amazonaws.com': {
    status: 'confirmed',
    usedFor: 'trust policy of every function role',
    sources: [
      'docs.amazonaws.cn Lambda Developer Guide, lambda-intro-execution-role.html: "the role\'s trust policy must specify the Lambda service principal (lambda.amazonaws.com)"',
      CONSOLE_LIST,
    ],
  },
  'states.amazonaws.com': {
    status: 'confirmed',
    usedFor: 'trust policy of the three state machine roles',
    sources: [`${CONSOLE_LIST}: "Step Functions: states.amazonaws.com"`, CDK_STANDARDISED],
  },
  's3.amazonaws.com': {
    status: 'to-confirm',
    usedFor: 'Lambda permission letting the lake bucket notification invoke the ingest function',
    sources: [
      `${CONSOLE_LIST}: "S3: s3.amazonaws.com"`,
      "Datadog's forwarder (Terraform module that also deploys to aws-cn) grants lambda:InvokeFunction to s3.amazonaws.com",
      'against: hashicorp/terraform-provider-aws PR #47141 (2026) makes aws_service_principal return s3.amazonaws.com.cn in China',
    ],
  },
  'scheduler.amazonaws.com': {
    status: 'to-confirm',
    usedFor: 'trust policy of the EventBridge Scheduler roles (monthly run, daily ingestion)',
    sources: [
      'global EventBridge Scheduler User Guide, "Set up the execution role"; the docs.amazonaws.cn copy of the page has the same section',
      "against: Datadog's forwarder Terraform module uses scheduler.amazonaws.com.cn when the partition is aws-cn",
    ],
  },
  'logging.s3.amazonaws.com': {
    status: 'to-confirm',
    usedFor: 'bucket policy of the access-log bucket (server access log delivery)',
    sources: ['global Amazon S3 User Guide (server access logging: bucket policy granting the logging service principal); no China-specific statement found'],
  },
  'cloudwatch.amazonaws.com': {
    status: 'to-confirm',
    usedFor: 'messaging key policy: alarms publish to the KMS-encrypted alarm topic',
    sources: ['global CloudWatch User Guide (alarm actions to encrypted SNS topics); no China-specific statement found', CDK_STANDARDISED],
  },
};
