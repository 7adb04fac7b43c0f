/** The ASL of a synthesised state machine, parsed, with CloudFormation references shown as `<LogicalId>`. */
import type { Template } from 'aws-cdk-lib/assertions';

export interface AslState {
  readonly Type: string;
  readonly [field: string]: unknown;
}
export interface Asl {
  readonly StartAt: string;
  readonly States: Record<string, AslState>;
  readonly [field: string]: unknown;
}

function render(part: unknown): string {
  if (typeof part === 'string') return part;
  const ref = part as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  if (ref.Ref !== undefined) return `<${ref.Ref}>`;
  if (ref['Fn::GetAtt'] !== undefined) return `<${ref['Fn::GetAtt'][0]}>`;
  return '<token>';
}

export function stateMachineDefinition(template: Template, logicalIdPrefix: string): Asl {
  const machines = template.findResources('AWS::StepFunctions::StateMachine');
  const entry = Object.entries(machines).find(([id]) => id.startsWith(logicalIdPrefix));
  if (entry === undefined) throw new Error(`no state machine whose logical id starts with ${logicalIdPrefix}; have ${Object.keys(machines).join(', ')}`);
  const definition = (entry[1] as { Properties: { DefinitionString: unknown } }).Properties.DefinitionString;
  const text = typeof definition === 'string' ? definition : (definition as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1].map(render).join('');
  return JSON.parse(text) as Asl;
}
