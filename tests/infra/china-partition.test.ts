/**
 * The app synthesised for the China regions (cn-north-1 Beijing, cn-northwest-1 Ningxia; the
 * aws-cn partition), and the environment-agnostic templates resolved for them: no hard-coded
 * partition, only resource types, managed policies and service principals listed (with their
 * sources) in infra/china/, no endpoint domain written literally, the endpoints named in IAM
 * conditions equal to those the AWS SDK calls there, and Lambda X-Ray tracing left out.
 */
import { describe, expect, it } from 'vitest';
import { CHINA_MANAGED_POLICIES } from '../../infra/china/china-managed-policies.ts';
import { CHINA_REGION_RESOURCE_TYPES, SERVICES_MISSING_IN_CHINA } from '../../infra/china/china-region-services.ts';
import { CHINA_SERVICE_PRINCIPALS } from '../../infra/china/china-service-principals.ts';
import { CHINA_REGIONS, chinaTarget, ENVIRONMENT_AGNOSTIC, type DeploymentTarget } from './support/deployment-targets.ts';
import { resolveIntrinsics, resolveToString } from './support/placeholder-intrinsics.ts';
import { sdkClientPackages, sdkEndpointHost } from './support/sdk-endpoints.ts';
import { sharedTemplates, type CfnTemplateJson, type StackKey, type SynthesisedTemplates } from './support/synthesised-templates.ts';
import { servicePrincipalValues, visitValues } from './support/template-values.ts';

const environmentAgnostic = await sharedTemplates(ENVIRONMENT_AGNOSTIC);
const chinaSynthesised = new Map(await Promise.all(CHINA_REGIONS.map(async (region) => [region, await sharedTemplates(chinaTarget(region))] as const)));

const stacksOf = (templates: SynthesisedTemplates['templates']) => Object.entries(templates) as [StackKey, CfnTemplateJson][];

/** Managed policy ARNs wherever written, resolved for the target. */
function managedPolicyArns({ templates }: SynthesisedTemplates, target: DeploymentTarget): string[] {
  return stacksOf(templates).flatMap(([stack, template]) => {
    const found: string[] = [];
    visitValues(template, (_path, value) => {
      const text = JSON.stringify(value) ?? '';
      // The innermost value that spells out the policy path: a literal or the Fn::Join building it.
      if (!text.includes(':iam::aws:policy/')) return;
      const isJoin = value !== null && typeof value === 'object' && !Array.isArray(value) && 'Fn::Join' in value;
      if (typeof value !== 'string' && !isJoin) return;
      found.push(resolveToString(value, { target, templates, stack }));
      return 'skip';
    });
    return found;
  });
}

describe.each(CHINA_REGIONS)('synthesised for %s (aws-cn)', (region) => {
  const target = chinaTarget(region);
  const synthesised = chinaSynthesised.get(region)!;
  const { templates } = synthesised;
  const texts = stacksOf(templates).map(([name, template]) => [name, JSON.stringify(template)] as const);

  it('hard-codes no aws partition anywhere', () => {
    for (const [name, text] of texts) {
      expect({ name, hardCoded: text.match(/arn:aws:[^"]{0,60}/g) ?? [] }).toEqual({ name, hardCoded: [] });
    }
  });

  it('builds every ARN from the partition (aws-cn resolved or AWS::Partition)', () => {
    const pipeline = texts.find(([name]) => name === 'pipeline')![1];
    expect(pipeline).toMatch(/arn:aws-cn:|"Ref":"AWS::Partition"/);
  });

  it('uses only resource types of services offered in the China regions, and no SES', () => {
    for (const [name, template] of stacksOf(templates)) {
      const types = [...new Set(Object.values(template.Resources).map((resource) => resource.Type))];
      expect({ name, unlisted: types.filter((type) => !(type in CHINA_REGION_RESOURCE_TYPES)) }).toEqual({ name, unlisted: [] });
      expect(types.filter((type) => SERVICES_MISSING_IN_CHINA.some((prefix) => type.startsWith(prefix)))).toEqual([]);
    }
  });

  it('attaches only AWS managed policies that exist in aws-cn (infra/china/china-managed-policies.ts)', () => {
    const arns = managedPolicyArns(synthesised, target);
    expect(arns.length).toBeGreaterThan(0);
    for (const arn of arns) {
      const name = /^arn:aws-cn:iam::aws:policy\/(.+)$/.exec(arn)?.[1];
      expect({ arn, listed: name !== undefined && name in CHINA_MANAGED_POLICIES }).toEqual({ arn, listed: true });
    }
  });

  it('names only service principals listed for the China regions (infra/china/china-service-principals.ts)', () => {
    const principals = stacksOf(templates).flatMap(([stack, template]) =>
      servicePrincipalValues(template).map(({ value }) => resolveToString(value, { target, templates, stack })),
    );
    expect(new Set(principals)).toEqual(new Set(Object.keys(CHINA_SERVICE_PRINCIPALS)));
  });

  it('writes no endpoint domain literally: every "amazonaws" string is a service principal', () => {
    for (const [stack, template] of stacksOf(templates)) {
      const principalPaths = new Set(servicePrincipalValues(template).map(({ path }) => JSON.stringify(path)));
      const literal: string[] = [];
      visitValues(template, (path, value) => {
        if (typeof value !== 'string' || !value.includes('amazonaws')) return;
        const parent = path.slice(0, -1);
        const isPrincipal = principalPaths.has(JSON.stringify(path)) || (typeof path.at(-1) === 'number' && principalPaths.has(JSON.stringify(parent)));
        if (!isPrincipal) literal.push(`${path.join('/')}: ${value}`);
      });
      expect({ stack, literal }).toEqual({ stack, literal: [] });
    }
  });

  it('names in kms:ViaService exactly the endpoints the AWS SDK calls in the region (amazonaws.com.cn)', async () => {
    const sdkHosts = await Promise.all(sdkClientPackages().map((client) => sdkEndpointHost(client, region)));
    const viaServices = stacksOf(templates).flatMap(([stack, template]) => {
      const found: string[] = [];
      visitValues(template, (path, value) => {
        if (path.at(-1) === 'kms:ViaService') found.push(resolveToString(value, { target, templates, stack }));
      });
      return found;
    });
    expect(viaServices.length).toBeGreaterThan(0);
    for (const host of viaServices) {
      expect(host.endsWith(`.${region}.amazonaws.com.cn`)).toBe(true);
      expect({ host, calledBySdk: sdkHosts.includes(host) }).toEqual({ host, calledBySdk: true });
    }
  });

  it('leaves Lambda X-Ray tracing out (not offered for Lambda in the China regions)', () => {
    const pipeline = templates.pipeline;
    const functions = Object.entries(pipeline.Resources).filter(([, resource]) => resource.Type === 'AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThan(6);
    for (const [id, resource] of functions) {
      const properties = resolveIntrinsics({ TracingConfig: resource.Properties?.TracingConfig ?? { Ref: 'AWS::NoValue' } }, { target, templates, stack: 'pipeline' });
      expect({ id, properties }).toEqual({ id, properties: {} });
    }
  });
});

describe('the environment-agnostic templates (`cdk synth`) deployed in each partition', () => {
  const { templates } = environmentAgnostic;
  const tracingOf = (target: DeploymentTarget) =>
    Object.entries(templates.pipeline.Resources)
      .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function' && resource.Properties?.TracingConfig !== undefined)
      .map(([, resource]) => resolveIntrinsics({ TracingConfig: resource.Properties!.TracingConfig }, { target, templates, stack: 'pipeline' }));

  it('trace every pipeline function with X-Ray in aws, none in aws-cn', () => {
    expect(tracingOf(ENVIRONMENT_AGNOSTIC)).toEqual(Array(6).fill({ TracingConfig: { Mode: 'Active' } }));
    for (const region of CHINA_REGIONS) expect(tracingOf(chinaTarget(region))).toEqual(Array(6).fill({}));
  });

  it('resolve their managed policies and principals, for aws-cn, to listed ones', () => {
    for (const region of CHINA_REGIONS) {
      const target = chinaTarget(region);
      for (const arn of managedPolicyArns(environmentAgnostic, target)) expect(arn.replace(/^arn:aws-cn:iam::aws:policy\//, '') in CHINA_MANAGED_POLICIES).toBe(true);
      for (const [stack, template] of stacksOf(templates)) {
        for (const { path, value } of servicePrincipalValues(template)) {
          const principal = resolveToString(value, { target, templates, stack });
          expect({ at: `${stack} ${path.join('/')}`, principal, listed: principal in CHINA_SERVICE_PRINCIPALS }).toMatchObject({ listed: true });
        }
      }
    }
  });

  it('keep the China facts sourced: every listed principal and policy names where it comes from', () => {
    for (const [principal, facts] of Object.entries(CHINA_SERVICE_PRINCIPALS)) expect({ principal, sourced: facts.sources.length > 0 && facts.sources.every((source) => source.length > 30) }).toEqual({ principal, sourced: true });
    for (const [policy, facts] of Object.entries(CHINA_MANAGED_POLICIES)) expect({ policy, sourced: /docs\.amazonaws\.cn/.test(facts.source) }).toEqual({ policy, sourced: true });
  });
});

describe('the AWS SDK clients the functions bundle', () => {
  it.each(CHINA_REGIONS)('call endpoints under amazonaws.com.cn in %s', async (region) => {
    const packages = sdkClientPackages();
    expect(packages.length).toBeGreaterThan(3);
    for (const client of packages) expect({ client, host: await sdkEndpointHost(client, region) }).toEqual({ client, host: expect.stringMatching(new RegExp(`\\.${region}\\.amazonaws\\.com\\.cn$`)) });
  });
});
