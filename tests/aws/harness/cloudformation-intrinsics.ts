/**
 * Resolves the CloudFormation intrinsic functions of a synthesised template (Ref, Fn::GetAtt,
 * Fn::Join, Fn::Sub, Fn::Select, Fn::Split, Fn::ImportValue) against the harness's resources, the
 * way CloudFormation does at deploy time: a state machine's DefinitionString becomes the exact
 * JSON Step Functions would run, a function's environment the values Lambda would set. An
 * intrinsic the harness does not know (Fn::If, Fn::FindInMap …) is an error naming it, never
 * left in place.
 */

/** What the names in a template stand for once "deployed". */
export interface IntrinsicScope {
  /** Pseudo parameters by name (`AWS::AccountId`, `AWS::Region`, `AWS::Partition`, `AWS::URLSuffix`, `AWS::StackName`). */
  readonly pseudoParameters: Readonly<Record<string, string>>;
  /** `Ref` of a resource of this stack. */
  ref(logicalId: string): string;
  /** `Fn::GetAtt` of a resource of this stack. */
  getAtt(logicalId: string, attribute: string): string;
  /** `Fn::ImportValue`: an export of another stack. */
  importValue(exportName: string): string;
}

export class UnresolvableIntrinsicError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnresolvableIntrinsicError';
  }
}

export function resolveIntrinsics(value: unknown, scope: IntrinsicScope): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveIntrinsics(item, scope));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const [first] = entries;
  if (entries.length === 1 && first !== undefined && (first[0] === 'Ref' || first[0].startsWith('Fn::'))) {
    return resolveFunction(first[0], first[1], scope);
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, resolveIntrinsics(item, scope)]));
}

/** Resolves to a string, or fails saying where a string was expected. */
export function resolveString(value: unknown, scope: IntrinsicScope, what: string): string {
  const resolved = resolveIntrinsics(value, scope);
  if (typeof resolved !== 'string' && typeof resolved !== 'number') {
    throw new UnresolvableIntrinsicError(`${what}: expected a string, got ${JSON.stringify(resolved)}`);
  }
  return String(resolved);
}

function resolveFunction(name: string, argument: unknown, scope: IntrinsicScope): unknown {
  switch (name) {
    case 'Ref': {
      const target = asString(argument, name);
      return scope.pseudoParameters[target] ?? scope.ref(target);
    }
    case 'Fn::GetAtt': {
      const [logicalId, attribute] = Array.isArray(argument) ? argument : asString(argument, name).split(/\.(.*)/s);
      return scope.getAtt(asString(logicalId, name), asString(resolveIntrinsics(attribute, scope), name));
    }
    case 'Fn::Join': {
      const [separator, parts] = asPair(argument, name);
      const resolvedParts = resolveIntrinsics(parts, scope);
      if (!Array.isArray(resolvedParts)) throw new UnresolvableIntrinsicError(`Fn::Join: expected a list, got ${JSON.stringify(resolvedParts)}`);
      return resolvedParts.map((part) => asString(part, name)).join(asString(separator, name));
    }
    case 'Fn::Sub': {
      const [template, variables] = Array.isArray(argument) ? asPair(argument, name) : [argument, {}];
      const values = resolveIntrinsics(variables, scope) as Record<string, unknown>;
      return asString(template, name).replace(/\$\{([^}!][^}]*)\}/g, (_match, variable: string) => {
        if (variable in values) return asString(values[variable], name);
        if (variable in scope.pseudoParameters) return scope.pseudoParameters[variable]!;
        const [logicalId, attribute] = variable.split(/\.(.*)/s);
        return attribute === undefined ? scope.ref(logicalId!) : scope.getAtt(logicalId!, attribute);
      }).replace(/\$\{!/g, '${');
    }
    case 'Fn::Select': {
      const [index, list] = asPair(argument, name);
      const resolvedList = resolveIntrinsics(list, scope);
      const position = Number(resolveIntrinsics(index, scope));
      if (!Array.isArray(resolvedList) || !(position in resolvedList)) {
        throw new UnresolvableIntrinsicError(`Fn::Select: no item ${position} in ${JSON.stringify(resolvedList)}`);
      }
      return resolvedList[position];
    }
    case 'Fn::Split': {
      const [delimiter, text] = asPair(argument, name);
      return asString(resolveIntrinsics(text, scope), name).split(asString(delimiter, name));
    }
    case 'Fn::ImportValue':
      return scope.importValue(asString(resolveIntrinsics(argument, scope), name));
    default:
      throw new UnresolvableIntrinsicError(`${name} is not resolved by the harness (only Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select, Fn::Split, Fn::ImportValue)`);
  }
}

function asString(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new UnresolvableIntrinsicError(`${where}: expected a string, got ${JSON.stringify(value)}`);
}

function asPair(value: unknown, where: string): [unknown, unknown] {
  if (!Array.isArray(value) || value.length !== 2) throw new UnresolvableIntrinsicError(`${where}: expected a list of two, got ${JSON.stringify(value)}`);
  return [value[0], value[1]];
}
