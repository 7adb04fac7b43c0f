/**
 * Synthesises the ipstats app into a cloud assembly folder the way `npx cdk synth` does (the
 * real handlers bundled by esbuild, DuckDB's binding and the worker bundles shipped, sql/ and
 * the reference CSVs beside each bundle), for the test cities. About 15 s, so the test files
 * share one assembly per context through the run's synthesis cache (sharedIpstatsAssembly);
 * the harness only reads it (the sandboxes write to their own /tmp).
 */
import { App } from 'aws-cdk-lib';
import { parseInfraSettings } from '../../../infra/config/infra-settings.ts';
import { IPSTATS_FEATURE_FLAGS } from '../../../infra/feature-flags.ts';
import { buildIpstatsStacks } from '../../../infra/ipstats-app.ts';
import { PROJECT_ROOT, TEST_CITIES } from '../../infra/support/synth-ipstats.ts';
import { cachedSynthesis } from '../../support/synthesis-cache.ts';

export function synthesizeIpstats(outdir: string, context: Record<string, unknown> = {}): string {
  const app = new App({ outdir, context: IPSTATS_FEATURE_FLAGS, builtinCloudFormationValidation: false });
  const settings = parseInfraSettings({ 'ipstats:cities': [...TEST_CITIES], ...context });
  buildIpstatsStacks(app, settings, { projectRoot: PROJECT_ROOT, shipNativeModules: true });
  return app.synth().directory;
}

/** The cloud assembly for this context, synthesised once per test run (and sources). Read only. */
export function sharedIpstatsAssembly(context: Record<string, unknown> = {}): Promise<string> {
  return cachedSynthesis('cdk.out', context, (outdir) => synthesizeIpstats(outdir, context));
}
