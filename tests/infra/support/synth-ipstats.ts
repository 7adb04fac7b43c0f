/**
 * Builds the whole ipstats app once for a test file, the way infra/app.ts does, with the
 * handlers replaced by a stub and CloudFormation's own (slow, wasm) validation off.
 */
import path from 'node:path';
import { App, type Environment, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { parseInfraSettings } from '../../../infra/config/infra-settings.ts';
import { IPSTATS_FEATURE_FLAGS } from '../../../infra/feature-flags.ts';
import { buildIpstatsStacks, type IpstatsStacks } from '../../../infra/ipstats-app.ts';
import { PIPELINE_FUNCTION_NAMES } from '../../../infra/lambda/function-sizing.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');
export const STUB_HANDLER = 'tests/infra/fixtures/stub-handler.ts';
export const TEST_CITIES = ['310000', '440300'] as const;

export interface SynthesisedIpstats {
  readonly app: App;
  readonly stacks: IpstatsStacks;
  readonly templates: Readonly<Record<keyof IpstatsStacks, Template>>;
}

export function newTestApp(): App {
  return new App({ context: IPSTATS_FEATURE_FLAGS, builtinCloudFormationValidation: false });
}

/**
 * @param shipNativeModules copy DuckDB's binding and bundle worker threads, as a deployment does;
 *   only tests about those need it (it costs ~70 MB of copying per DuckDB function).
 */
export function synthIpstats(context: Record<string, unknown> = {}, env?: Environment, shipNativeModules = false): SynthesisedIpstats {
  const app = newTestApp();
  const settings = parseInfraSettings({ 'ipstats:cities': [...TEST_CITIES], ...context });
  const functionEntries = Object.fromEntries(PIPELINE_FUNCTION_NAMES.map((name) => [name, STUB_HANDLER]));
  const stacks = buildIpstatsStacks(app, settings, { env, functionEntries, projectRoot: PROJECT_ROOT, shipNativeModules });
  const template = (stack: Stack) => Template.fromStack(stack);
  return {
    app,
    stacks,
    templates: {
      storage: template(stacks.storage),
      catalog: template(stacks.catalog),
      delivery: template(stacks.delivery),
      pipeline: template(stacks.pipeline),
    },
  };
}

/** Every resource of a type, by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, { Properties: Record<string, unknown>; [key: string]: unknown }> {
  return template.findResources(type) as Record<string, { Properties: Record<string, unknown> }>;
}
