/**
 * Every state machine of the deployment with its definition exactly as Step Functions would
 * receive it: the template's DefinitionString (or Definition) with the intrinsics resolved and
 * DefinitionSubstitutions applied, then parsed.
 */
import { resourcesOfType } from './cloudformation-template.ts';
import type { LocalDeployment } from './local-deployment.ts';

/** An Amazon States Language document (or a Map's ItemProcessor / a Parallel branch). */
export interface AslDefinition {
  readonly StartAt: string;
  readonly States: Record<string, AslState>;
  readonly TimeoutSeconds?: number;
  readonly [field: string]: unknown;
}

export interface AslState {
  readonly Type: string;
  readonly [field: string]: unknown;
}

export interface DeployedStateMachine {
  readonly stackName: string;
  readonly logicalId: string;
  readonly name: string;
  readonly arn: string;
  readonly definition: AslDefinition;
}

export function readDeployedStateMachines(deployment: LocalDeployment): DeployedStateMachine[] {
  const machines: DeployedStateMachine[] = [];
  for (const stack of deployment.stacks) {
    for (const [logicalId, resource] of resourcesOfType(stack, 'AWS::StepFunctions::StateMachine')) {
      const props = resource.Properties ?? {};
      const where = `${stack.stackName}/${logicalId}`;
      if (props.DefinitionS3Location !== undefined) throw new Error(`${where}: definitions in S3 (DefinitionS3Location) are not read by the harness`);
      let text =
        props.DefinitionString !== undefined
          ? deployment.resolveString(stack.stackName, props.DefinitionString, `${where} DefinitionString`)
          : JSON.stringify(deployment.resolve(stack.stackName, props.Definition));
      const substitutions = deployment.resolve(stack.stackName, props.DefinitionSubstitutions ?? {}) as Record<string, string>;
      for (const [variable, value] of Object.entries(substitutions)) text = text.replaceAll(`\${${variable}}`, value);
      const physical = deployment.physical(stack.stackName, logicalId);
      machines.push({ stackName: stack.stackName, logicalId, name: physical.attributes.Name!, arn: physical.ref, definition: JSON.parse(text) as AslDefinition });
    }
  }
  return machines;
}
