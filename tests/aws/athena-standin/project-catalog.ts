/**
 * The catalog the project deploys, for the stand-in: the real CatalogStack (infra/stacks/
 * catalog-stack.ts) synthesized with the given bucket names, read back from its template. So
 * the stand-in's tables are the Glue tables CloudFormation would create (columns, Hive types,
 * locations, partition projection, SerDes), not a second declaration of them.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { IPSTATS_FEATURE_FLAGS } from '../../../infra/feature-flags.ts';
import { CatalogStack } from '../../../infra/stacks/catalog-stack.ts';
import { catalogOfTemplate, type CloudFormationTemplate } from './catalog-of-template.ts';
import type { StandInCatalog } from './glue-catalog.ts';

export interface ProjectCatalogOptions {
  /** Bucket of the lake (the tables' locations). */
  readonly lakeBucket: string;
  /** Bucket of the workgroup's results. @default lakeBucket */
  readonly resultsBucket?: string;
}

export function projectCatalog(options: ProjectCatalogOptions): StandInCatalog {
  const app = new App({ context: IPSTATS_FEATURE_FLAGS, builtinCloudFormationValidation: false });
  // The lake key lives in the storage stack; the catalog stack only passes its ARN to the workgroup.
  const lakeKey = new kms.Key(new Stack(app, 'StandInKeys'), 'LakeKey');
  const resultsBucket = options.resultsBucket ?? options.lakeBucket;
  const catalog = new CatalogStack(app, 'StandInCatalog', {
    bucketNames: { lake: options.lakeBucket, 'athena-results': resultsBucket, reports: resultsBucket, 'access-logs': resultsBucket },
    lakeKey,
  });
  const template = app.synth().getStackByName(catalog.stackName).template as CloudFormationTemplate;
  return catalogOfTemplate(template);
}
