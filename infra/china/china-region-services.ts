/**
 * The CloudFormation resource types the stacks may use, each from a service offered in the
 * China regions (cn-north-1 Beijing, cn-northwest-1 Ningxia). A test synthesises the app for
 * cn-northwest-1 and fails on any resource type not listed here, so adding a service means
 * checking it against "Getting Started with Amazon Web Services in China Regions" first.
 * SES is deliberately absent: it is not offered in the China regions (reports are announced
 * through SNS instead).
 */
export const CHINA_REGION_RESOURCE_TYPES: Readonly<Record<string, string>> = {
  'AWS::KMS::Key': 'KMS',
  'AWS::S3::Bucket': 'S3',
  'AWS::S3::BucketPolicy': 'S3',
  'AWS::Glue::Database': 'Glue Data Catalog',
  'AWS::Glue::Table': 'Glue Data Catalog',
  'AWS::Athena::WorkGroup': 'Athena (engine v3)',
  'AWS::IAM::Role': 'IAM',
  'AWS::IAM::Policy': 'IAM',
  'AWS::IAM::User': 'IAM (the report link signer)',
  'AWS::IAM::AccessKey': 'IAM',
  'AWS::SecretsManager::Secret': 'Secrets Manager',
  'AWS::SNS::Topic': 'SNS',
  'AWS::SNS::TopicPolicy': 'SNS',
  'AWS::SQS::Queue': 'SQS',
  'AWS::SQS::QueuePolicy': 'SQS',
  'AWS::Lambda::Function': 'Lambda (Node.js 24, arm64 and x86_64)',
  'AWS::Lambda::Permission': 'Lambda',
  'AWS::Logs::LogGroup': 'CloudWatch Logs',
  'AWS::CloudWatch::Alarm': 'CloudWatch',
  'AWS::StepFunctions::StateMachine': 'Step Functions (Distributed Map, .sync integrations)',
  'AWS::Scheduler::Schedule': 'EventBridge Scheduler (docs.amazonaws.cn lists its cn endpoints)',
  'Custom::S3BucketNotifications': 'aws-cdk-lib custom resource backed by Lambda',
};

/** Services the China regions lack; their resource types must never appear. */
export const SERVICES_MISSING_IN_CHINA = ['AWS::SES::'] as const;
