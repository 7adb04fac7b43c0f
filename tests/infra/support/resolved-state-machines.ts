/**
 * Every state machine of a synthesised app with its DefinitionString resolved to the concrete
 * ASL JSON CloudFormation would hand to Step Functions (placeholder ARNs of the right shape in
 * the target's partition and region).
 */
import { resolveToString } from './placeholder-intrinsics.ts';
import type { StackKey, SynthesisedTemplates } from './synthesised-templates.ts';

export interface ResolvedStateMachine {
  readonly stack: StackKey;
  readonly logicalId: string;
  /** The definition exactly as resolved, before parsing. */
  readonly text: string;
  readonly definition: Record<string, unknown>;
}

export function resolvedStateMachines({ target, templates }: SynthesisedTemplates): ResolvedStateMachine[] {
  return (Object.entries(templates) as [StackKey, SynthesisedTemplates['templates'][StackKey]][]).flatMap(([stack, template]) =>
    Object.entries(template.Resources)
      .filter(([, resource]) => resource.Type === 'AWS::StepFunctions::StateMachine')
      .map(([logicalId, resource]) => {
        const text = resolveToString(resource.Properties?.DefinitionString, { target, templates, stack });
        return { stack, logicalId, text, definition: JSON.parse(text) as Record<string, unknown> };
      }),
  );
}
