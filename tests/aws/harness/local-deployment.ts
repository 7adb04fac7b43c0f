/**
 * The synthesised stacks as deployed into the local account: for each stack, the intrinsic
 * scope that resolves its templates (pseudo parameters, Ref and Fn::GetAtt of its resources,
 * Fn::ImportValue of other stacks' exports). Names and ARNs come from physical-resources.ts,
 * except those moto chooses itself (secret ARNs), which the deployment records as it creates them.
 */
import { resolveIntrinsics, resolveString, UnresolvableIntrinsicError, type IntrinsicScope } from './cloudformation-intrinsics.ts';
import type { SynthesizedStack } from './cloudformation-template.ts';
import type { LocalAccount } from './local-account.ts';
import { physicalResource, type PhysicalResource } from './physical-resources.ts';

export class LocalDeployment {
  private readonly recorded = new Map<string, PhysicalResource>();
  private readonly exportsByName = new Map<string, { readonly stackName: string; readonly value: unknown }>();

  constructor(
    readonly stacks: readonly SynthesizedStack[],
    readonly account: LocalAccount,
    readonly motoEndpoint: string,
  ) {
    for (const stack of stacks) {
      for (const output of Object.values(stack.template.Outputs ?? {})) {
        if (output.Export === undefined) continue;
        const name = resolveString(output.Export.Name, this.scope(stack.stackName), `export name in ${stack.stackName}`);
        this.exportsByName.set(name, { stackName: stack.stackName, value: output.Value });
      }
    }
  }

  stack(stackName: string): SynthesizedStack {
    const stack = this.stacks.find((candidate) => candidate.stackName === stackName);
    if (stack === undefined) throw new Error(`no stack ${stackName}; have ${this.stacks.map((s) => s.stackName).join(', ')}`);
    return stack;
  }

  /** Resolves a template value of a stack. */
  resolve(stackName: string, value: unknown): unknown {
    return resolveIntrinsics(value, this.scope(stackName));
  }

  resolveString(stackName: string, value: unknown, what: string): string {
    return resolveString(value, this.scope(stackName), what);
  }

  /** Keeps what moto answered for a resource it named itself. */
  record(stackName: string, logicalId: string, resource: PhysicalResource): void {
    this.recorded.set(`${stackName}/${logicalId}`, resource);
  }

  physical(stackName: string, logicalId: string): PhysicalResource {
    const recorded = this.recorded.get(`${stackName}/${logicalId}`);
    if (recorded !== undefined) return recorded;
    const resource = this.stack(stackName).template.Resources[logicalId];
    if (resource === undefined) throw new UnresolvableIntrinsicError(`${stackName} has no resource ${logicalId}`);
    return physicalResource({
      account: this.account,
      stackName,
      logicalId,
      resource,
      motoEndpoint: this.motoEndpoint,
      property: (name) => this.resolve(stackName, resource.Properties?.[name]),
    });
  }

  scope(stackName: string): IntrinsicScope {
    const { accountId, region, partition, urlSuffix } = this.account;
    return {
      pseudoParameters: {
        'AWS::AccountId': accountId,
        'AWS::Region': region,
        'AWS::Partition': partition,
        'AWS::URLSuffix': urlSuffix,
        'AWS::StackName': stackName,
        'AWS::StackId': `arn:${partition}:cloudformation:${region}:${accountId}:stack/${stackName}/00000000-0000-4000-8000-000000000000`,
      },
      ref: (logicalId) => this.physical(stackName, logicalId).ref,
      getAtt: (logicalId, attribute) => {
        const value = this.physical(stackName, logicalId).attributes[attribute];
        if (value === undefined) throw new UnresolvableIntrinsicError(`Fn::GetAtt ${logicalId}.${attribute} in ${stackName}: the harness does not know this attribute`);
        return value;
      },
      importValue: (exportName) => {
        const exported = this.exportsByName.get(exportName);
        if (exported === undefined) throw new UnresolvableIntrinsicError(`Fn::ImportValue ${exportName}: no stack exports it`);
        return resolveString(exported.value, this.scope(exported.stackName), `export ${exportName}`);
      },
    };
  }
}
