/**
 * Where the stacks are meant to be deployed, as the deploy-time tests synthesise them: the
 * environment-agnostic templates `cdk synth` writes (deployable in any region, so linted for a
 * commercial region and both China regions) and the app bound to each China region (aws-cn).
 */
import type { Environment } from 'aws-cdk-lib';

export interface DeploymentTarget {
  /** Names the target in test titles and in the folder its templates are written to. */
  readonly label: string;
  /** The CDK environment; unset for environment-agnostic templates. */
  readonly env?: Environment;
  /** The partition, region and URL suffix the placeholders of this target use. */
  readonly partition: 'aws' | 'aws-cn';
  readonly region: string;
  readonly urlSuffix: 'amazonaws.com' | 'amazonaws.com.cn';
  /** The regions cfn-lint checks the templates against (resource types and values per region). */
  readonly lintRegions: readonly string[];
}

/** The placeholder account of every synthesised environment and resolved ARN. */
export const PLACEHOLDER_ACCOUNT = '123456789012';

export const CHINA_REGIONS = ['cn-north-1', 'cn-northwest-1'] as const;

export const ENVIRONMENT_AGNOSTIC: DeploymentTarget = {
  label: 'environment-agnostic',
  partition: 'aws',
  region: 'us-east-1',
  urlSuffix: 'amazonaws.com',
  lintRegions: ['us-east-1', ...CHINA_REGIONS],
};

export function chinaTarget(region: (typeof CHINA_REGIONS)[number]): DeploymentTarget {
  return {
    label: region,
    env: { account: PLACEHOLDER_ACCOUNT, region },
    partition: 'aws-cn',
    region,
    urlSuffix: 'amazonaws.com.cn',
    lintRegions: [region],
  };
}
