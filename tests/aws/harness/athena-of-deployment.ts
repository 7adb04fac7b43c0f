/**
 * The Athena stand-in (tests/aws/athena-standin/) for the app deployed in a box: its catalog is
 * the deployed catalog stack's — the Glue database and tables and the enforced workgroup read
 * from the synthesized template and resolved against the local deployment (bucket names,
 * imports of the storage stack) — and it reads the lake from the box's moto_server. The sandboxed
 * `refresh-views` and `report` then reach it through AWS_ENDPOINT_URL_ATHENA.
 */
import { startAthenaStandIn, type AthenaStandIn } from '../athena-standin/athena-standin.ts';
import { catalogOfTemplate, type CloudFormationTemplate } from '../athena-standin/catalog-of-template.ts';
import { resourcesOfType } from './cloudformation-template.ts';
import type { LocalDeployment } from './local-deployment.ts';

export async function startAthenaOfDeployment(deployment: LocalDeployment, workDir: string): Promise<AthenaStandIn> {
  const catalogStacks = deployment.stacks.filter((stack) => resourcesOfType(stack, 'AWS::Glue::Database').length > 0);
  if (catalogStacks.length !== 1) throw new Error(`expected one stack with the Glue database, found ${catalogStacks.length}`);
  const [stack] = catalogStacks as [(typeof catalogStacks)[number]];
  const { accountId, region, partition } = deployment.account;
  const catalog = catalogOfTemplate(stack.template as CloudFormationTemplate, {
    accountId,
    region,
    partition,
    resolve: (value) => deployment.resolve(stack.stackName, value),
  });
  return startAthenaStandIn({ s3Endpoint: deployment.motoEndpoint, catalog, region, credentials: deployment.account.credentials, workDir });
}
