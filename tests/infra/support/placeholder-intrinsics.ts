/**
 * Resolves the CloudFormation intrinsic functions in a value of a synthesised template to the
 * concrete JSON CloudFormation would produce at deploy time, with placeholders of the right
 * shape: names from logical ids, ARNs, queue URLs and key ids built as each resource type
 * builds them, in the target's partition, region and URL suffix. Conditions (`Fn::If`) are
 * evaluated, `AWS::NoValue` removes its property. Anything it has no rule for throws, so a
 * new intrinsic or resource type is noticed, never guessed.
 */
import { PLACEHOLDER_ACCOUNT, type DeploymentTarget } from './deployment-targets.ts';
import type { CfnTemplateJson, StackKey } from './synthesised-templates.ts';

export interface PlaceholderScope {
  readonly target: DeploymentTarget;
  /** Every template of the app, for `Fn::ImportValue`. */
  readonly templates: Readonly<Record<StackKey, CfnTemplateJson>>;
  /** The template the value belongs to. */
  readonly stack: StackKey;
}

interface Where {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly urlSuffix: string;
}

/** A shape-correct placeholder key id (a key id is a UUID). */
const PLACEHOLDER_KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';

interface Placeholder {
  readonly ref: (name: string, where: Where) => string;
  readonly attributes: Readonly<Record<string, (name: string, where: Where) => string>>;
}

const arn = (service: string, resource: string, { partition, region, account }: Where) => `arn:${partition}:${service}:${region}:${account}:${resource}`;

const PLACEHOLDERS: Readonly<Record<string, Placeholder>> = {
  'AWS::Lambda::Function': { ref: (name) => name, attributes: { Arn: (name, where) => arn('lambda', `function:${name}`, where) } },
  'AWS::StepFunctions::StateMachine': {
    ref: (name, where) => arn('states', `stateMachine:${name}`, where),
    attributes: { Arn: (name, where) => arn('states', `stateMachine:${name}`, where), Name: (name) => name },
  },
  'AWS::SNS::Topic': { ref: (name, where) => arn('sns', name, where), attributes: { TopicArn: (name, where) => arn('sns', name, where), TopicName: (name) => name } },
  'AWS::SQS::Queue': {
    ref: (name, where) => `https://sqs.${where.region}.${where.urlSuffix}/${where.account}/${name}`,
    attributes: {
      Arn: (name, where) => arn('sqs', name, where),
      QueueName: (name) => name,
      QueueUrl: (name, where) => `https://sqs.${where.region}.${where.urlSuffix}/${where.account}/${name}`,
    },
  },
  'AWS::S3::Bucket': { ref: (name) => name.toLowerCase(), attributes: { Arn: (name, where) => `arn:${where.partition}:s3:::${name.toLowerCase()}` } },
  'AWS::IAM::Role': { ref: (name) => name, attributes: { Arn: (name, where) => `arn:${where.partition}:iam::${where.account}:role/${name}` } },
  'AWS::IAM::User': { ref: (name) => name, attributes: { Arn: (name, where) => `arn:${where.partition}:iam::${where.account}:user/${name}` } },
  'AWS::KMS::Key': { ref: () => PLACEHOLDER_KEY_ID, attributes: { Arn: (_name, where) => arn('kms', `key/${PLACEHOLDER_KEY_ID}`, where) } },
  'AWS::Logs::LogGroup': { ref: (name) => name, attributes: { Arn: (name, where) => arn('logs', `log-group:${name}:*`, where) } },
  'AWS::SecretsManager::Secret': { ref: (name, where) => arn('secretsmanager', `secret:${name}-AbCdEf`, where), attributes: {} },
  'AWS::Glue::Database': { ref: (name) => name.toLowerCase(), attributes: {} },
  'AWS::Athena::WorkGroup': { ref: (name) => name, attributes: {} },
};

/** Marks a value removed by `Ref AWS::NoValue`. */
const NO_VALUE = Symbol('AWS::NoValue');

export function resolveIntrinsics(value: unknown, scope: PlaceholderScope): unknown {
  const resolved = resolve(value, scope);
  if (resolved === NO_VALUE) throw new Error('the value as a whole resolves to AWS::NoValue');
  return resolved;
}

/** The same, for a value that must come out as one string. */
export function resolveToString(value: unknown, scope: PlaceholderScope): string {
  const resolved = resolveIntrinsics(value, scope);
  if (typeof resolved !== 'string') throw new Error(`expected a string, resolved ${JSON.stringify(resolved)}`);
  return resolved;
}

function where(scope: PlaceholderScope): Where {
  return { partition: scope.target.partition, region: scope.target.region, account: PLACEHOLDER_ACCOUNT, urlSuffix: scope.target.urlSuffix };
}

function resolve(value: unknown, scope: PlaceholderScope): unknown {
  if (Array.isArray(value)) return value.map((item) => resolve(item, scope)).filter((item) => item !== NO_VALUE);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const [key, argument] = entries[0] ?? [];
  if (entries.length === 1 && key !== undefined && (key === 'Ref' || key.startsWith('Fn::'))) return intrinsic(key, argument, scope);
  const out: Record<string, unknown> = {};
  for (const [name, item] of entries) {
    const resolved = resolve(item, scope);
    if (resolved !== NO_VALUE) out[name] = resolved;
  }
  return out;
}

function intrinsic(name: string, argument: unknown, scope: PlaceholderScope): unknown {
  switch (name) {
    case 'Ref':
      return ref(String(argument), scope);
    case 'Fn::GetAtt': {
      const [logicalId, attribute] = argument as [string, string];
      return attributeOf(logicalId, attribute, scope);
    }
    case 'Fn::Join': {
      const [separator, parts] = argument as [string, unknown[]];
      return (resolve(parts, scope) as unknown[]).map((part) => requireString(part, 'Fn::Join')).join(separator);
    }
    case 'Fn::Split': {
      const [separator, source] = argument as [string, unknown];
      return requireString(resolve(source, scope), 'Fn::Split').split(separator);
    }
    case 'Fn::Select': {
      const [index, list] = argument as [unknown, unknown];
      const items = resolve(list, scope) as unknown[];
      const item = items[Number(resolve(index, scope))];
      if (item === undefined) throw new Error(`Fn::Select index ${JSON.stringify(index)} is outside ${JSON.stringify(items)}`);
      return item;
    }
    case 'Fn::Sub':
      return substitute(argument, scope);
    case 'Fn::ImportValue':
      return importValue(requireString(resolve(argument, scope), 'Fn::ImportValue'), scope);
    case 'Fn::If': {
      const [condition, whenTrue, whenFalse] = argument as [string, unknown, unknown];
      return resolve(conditionHolds(condition, scope) ? whenTrue : whenFalse, scope);
    }
    default:
      throw new Error(`no placeholder rule for the intrinsic ${name}`);
  }
}

function requireString(value: unknown, context: string): string {
  if (typeof value !== 'string') throw new Error(`${context} needs strings, got ${JSON.stringify(value)}`);
  return value;
}

function ref(name: string, scope: PlaceholderScope): unknown {
  const at = where(scope);
  switch (name) {
    case 'AWS::Partition':
      return at.partition;
    case 'AWS::Region':
      return at.region;
    case 'AWS::AccountId':
      return at.account;
    case 'AWS::URLSuffix':
      return at.urlSuffix;
    case 'AWS::StackName':
      return `Ipstats-${scope.stack}`;
    case 'AWS::NoValue':
      return NO_VALUE;
    default:
      return placeholderOf(name, scope).ref(name, at);
  }
}

function attributeOf(logicalId: string, attribute: string, scope: PlaceholderScope): string {
  const build = placeholderOf(logicalId, scope).attributes[attribute];
  if (build === undefined) throw new Error(`no placeholder for ${logicalId}.${attribute} (${resourceType(logicalId, scope)})`);
  return build(logicalId, where(scope));
}

function resourceType(logicalId: string, scope: PlaceholderScope): string {
  const resource = scope.templates[scope.stack].Resources[logicalId];
  if (resource === undefined) throw new Error(`${logicalId} is no resource of the ${scope.stack} template`);
  return resource.Type;
}

function placeholderOf(logicalId: string, scope: PlaceholderScope): Placeholder {
  const type = resourceType(logicalId, scope);
  const placeholder = PLACEHOLDERS[type];
  if (placeholder === undefined) throw new Error(`no placeholder rule for ${type} (${logicalId})`);
  return placeholder;
}

function substitute(argument: unknown, scope: PlaceholderScope): string {
  const [text, variables] = typeof argument === 'string' ? [argument, {}] : (argument as [string, Record<string, unknown>]);
  return text.replace(/\$\{([^}!][^}]*)\}/g, (_whole, name: string) => {
    if (name in variables) return requireString(resolve(variables[name], scope), 'Fn::Sub');
    const [logicalId, attribute] = name.split('.') as [string, string | undefined];
    if (attribute !== undefined && !logicalId.startsWith('AWS::')) return attributeOf(logicalId, attribute, scope);
    return requireString(ref(name, scope), 'Fn::Sub');
  });
}

function importValue(exportName: string, scope: PlaceholderScope): unknown {
  for (const [stack, template] of Object.entries(scope.templates) as [StackKey, CfnTemplateJson][]) {
    for (const output of Object.values(template.Outputs ?? {})) {
      if (output.Export !== undefined && resolve(output.Export.Name, { ...scope, stack }) === exportName) return resolve(output.Value, { ...scope, stack });
    }
  }
  throw new Error(`no template exports ${exportName}`);
}

function conditionHolds(name: string, scope: PlaceholderScope): boolean {
  const expression = scope.templates[scope.stack].Conditions?.[name];
  if (expression === undefined) throw new Error(`the ${scope.stack} template has no condition ${name}`);
  return evaluate(expression, scope);
}

function evaluate(expression: unknown, scope: PlaceholderScope): boolean {
  const [[key, argument]] = Object.entries(expression as Record<string, unknown>) as [[string, unknown]];
  const operands = argument as unknown[];
  switch (key) {
    case 'Condition':
      return conditionHolds(String(argument), scope);
    case 'Fn::Equals':
      return JSON.stringify(resolve(operands[0], scope)) === JSON.stringify(resolve(operands[1], scope));
    case 'Fn::Not':
      return !evaluate(operands[0], scope);
    case 'Fn::And':
      return operands.every((operand) => evaluate(operand, scope));
    case 'Fn::Or':
      return operands.some((operand) => evaluate(operand, scope));
    default:
      throw new Error(`no rule for the condition function ${key}`);
  }
}
