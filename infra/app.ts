/** The CDK app: `npx cdk synth` works offline with no AWS account (environment-agnostic stacks). */
import { App } from 'aws-cdk-lib';
import { StorageStack } from './stacks/storage-stack.ts';

const app = new App();
const prefix = String(app.node.tryGetContext('ipstats:stackPrefix') ?? 'Ipstats');
new StorageStack(app, `${prefix}Storage`, {
  retainOnDelete: app.node.tryGetContext('ipstats:lakeRetainOnDelete') !== false,
  description: 'ipstats: lake storage (KMS key, lake bucket)',
});
app.synth();
