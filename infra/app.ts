/**
 * The CDK app: `npx cdk synth` works offline with no AWS account (environment-agnostic stacks,
 * Lambda bundling with the local esbuild). cdk-nag's AwsSolutions pack runs on every synth and
 * fails it on any finding that is not acknowledged with a reason (infra/nag/acknowledgements.ts).
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseInfraSettings, SETTINGS_CONTEXT_KEYS } from './config/infra-settings.ts';
import { buildIpstatsStacks } from './ipstats-app.ts';

const app = new App();
const settings = parseInfraSettings(Object.fromEntries(SETTINGS_CONTEXT_KEYS.map((key) => [key, app.node.tryGetContext(key)])));
buildIpstatsStacks(app, settings);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
