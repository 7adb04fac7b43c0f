/**
 * Where aws-local-stepfunctions 3.0.0 differs from Step Functions on something the ipstats
 * definitions use, the definition is adapted before it runs — only these four ways, each
 * keeping what Step Functions does:
 *
 * 1. A Task without TimeoutSeconds: the package stops it after 60 s; Step Functions lets it
 *    run (its default is 99,999,999 s: the Lambda's own timeout governs). The harness sets the
 *    longest timer Node allows (about 24.8 days) instead.
 * 2. A Distributed Map reading its items with an ItemReader (S3 listing): the package only
 *    iterates an array of the state's input. A Task state `<Map> (ItemReader)` is put in front
 *    of the Map, with the reader's Resource and Parameters, its result discarded; the harness
 *    answers it by listing the bucket and keeping the items in the execution's context object,
 *    and the Map takes its items from there (`ItemsPath: $$.ItemReaderItems.<n>`). The Map's
 *    ItemSelector, concurrency and processor are untouched.
 * 3. String literals in intrinsic functions: Step Functions reads `\{` and `\}` as `{` and `}`
 *    (the characters are reserved); the package keeps the backslash, so
 *    `States.StringToJson('\{"a":1\}')` fails to parse. The harness removes those escapes before
 *    the run, except in States.Format's template, where the package handles them itself. A literal
 *    with `\'` or `\\` (which the package cannot read either) is refused.
 * 4. A Fail state's ErrorPath/CausePath given as an intrinsic function (`States.Format(…)`):
 *    the package only reads a JSONPath there. A Pass state `<Fail> (paths)` computes them first
 *    into `$.Error` / `$.Cause` and the Fail reads those.
 */
import type { AslDefinition, AslState } from './deployed-state-machines.ts';

/** setTimeout's longest delay, in whole seconds. */
export const LONGEST_TASK_TIMEOUT_SECONDS = Math.floor(2_147_483_647 / 1000);
export const ITEM_READER_CONTEXT_FIELD = 'ItemReaderItems';

export interface ItemReaderTask {
  /** The name of the Task state put in front of the Map. */
  readonly readerStateName: string;
  /** Where the items go in the context object: `context.ItemReaderItems[slot]`. */
  readonly slot: string;
}

export interface AdaptedDefinition {
  readonly definition: AslDefinition;
  readonly itemReaders: readonly ItemReaderTask[];
}

export function adaptForInterpreter(original: AslDefinition): AdaptedDefinition {
  const definition = structuredClone(original) as AslDefinition;
  const itemReaders: ItemReaderTask[] = [];
  adaptLevel(definition as { StartAt: string; States: Record<string, AslState> }, itemReaders);
  return { definition, itemReaders };
}

type MutableLevel = { StartAt: string; States: Record<string, AslState> };
type MutableState = Record<string, unknown> & { Type: string };

function adaptLevel(level: MutableLevel, itemReaders: ItemReaderTask[]): void {
  for (const [name, state] of Object.entries(level.States) as [string, MutableState][]) {
    unescapeIntrinsicLiteralsIn(state);
    if (state.Type === 'Fail' && (isIntrinsic(state.ErrorPath) || isIntrinsic(state.CausePath))) computeFailPaths(level, name, state);
    if (state.Type === 'Task' && state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined) {
      state.TimeoutSeconds = LONGEST_TASK_TIMEOUT_SECONDS;
    }
    if (state.Type === 'Map') {
      const processor = (state.ItemProcessor ?? state.Iterator) as MutableLevel | undefined;
      if (processor !== undefined) adaptLevel(processor, itemReaders);
      if (state.ItemReader !== undefined) insertItemReader(level, name, state, itemReaders);
    }
    if (state.Type === 'Parallel') for (const branch of state.Branches as MutableLevel[]) adaptLevel(branch, itemReaders);
  }
}

function insertItemReader(level: MutableLevel, mapName: string, map: MutableState, itemReaders: ItemReaderTask[]): void {
  const reader = map.ItemReader as { Resource: string; Parameters?: unknown; ReaderConfig?: unknown };
  if (reader.ReaderConfig !== undefined) throw new Error(`Map ${mapName}: ItemReader.ReaderConfig is not supported by the harness`);
  const slot = `r${itemReaders.length}`;
  const readerStateName = `${mapName} (ItemReader)`;
  if (readerStateName in level.States) throw new Error(`a state is already named ${readerStateName}`);
  level.States[readerStateName] = {
    Type: 'Task',
    Resource: reader.Resource,
    ...(reader.Parameters === undefined ? {} : { Parameters: reader.Parameters }),
    ...(map.InputPath === undefined ? {} : { InputPath: map.InputPath }),
    ResultPath: null,
    TimeoutSeconds: LONGEST_TASK_TIMEOUT_SECONDS,
    Next: mapName,
  };
  delete map.ItemReader;
  map.ItemsPath = `$$.${ITEM_READER_CONTEXT_FIELD}.${slot}`;
  redirectTransitions(level, mapName, readerStateName);
  itemReaders.push({ readerStateName, slot });
}

/** Every transition to `from` at this level (StartAt, Next, Default, Choices, Catch) goes to `to`. */
function redirectTransitions(level: MutableLevel, from: string, to: string): void {
  if (level.StartAt === from) level.StartAt = to;
  for (const [name, state] of Object.entries(level.States) as [string, MutableState][]) {
    if (name === to) continue;
    if (state.Next === from) state.Next = to;
    if (state.Default === from) state.Default = to;
    for (const rule of (state.Choices as { Next?: string }[] | undefined) ?? []) if (rule.Next === from) rule.Next = to;
    for (const catcher of (state.Catch as { Next?: string }[] | undefined) ?? []) if (catcher.Next === from) catcher.Next = to;
  }
}

function isIntrinsic(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('States.');
}

/** Every `"<field>.$": "States.…"` of payload templates, at any depth, and intrinsic ErrorPath/CausePath. */
function unescapeIntrinsicLiteralsIn(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(unescapeIntrinsicLiteralsIn);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if ((key.endsWith('.$') || key === 'ErrorPath' || key === 'CausePath') && isIntrinsic(value)) record[key] = unescapeIntrinsicLiterals(value);
    // Nested machines are adapted level by level; payload templates are plain objects.
    else if (key !== 'States' && key !== 'ItemProcessor' && key !== 'Iterator' && key !== 'Branches') unescapeIntrinsicLiteralsIn(value);
  }
}

/** `\{` → `{` and `\}` → `}` in the literal arguments of every function but States.Format. */
export function unescapeIntrinsicLiterals(expression: string): string {
  let out = '';
  const functions: string[] = [];
  let name = '';
  for (let i = 0; i < expression.length; i += 1) {
    const char = expression[i]!;
    if (char === "'") {
      let end = i + 1;
      let literal = '';
      for (; end < expression.length && expression[end] !== "'"; end += 1) {
        if (expression[end] === '\\') {
          const next = expression[end + 1];
          if (next === "'" || next === '\\') throw new Error(`intrinsic ${expression}: the interpreter cannot read an escaped ${next} in a string literal`);
          if (functions.at(-1) !== 'States.Format' && (next === '{' || next === '}')) {
            literal += next;
            end += 1;
            continue;
          }
        }
        literal += expression[end];
      }
      out += `'${literal}'`;
      i = end;
      continue;
    }
    if (char === '(') {
      functions.push(name.trim());
      name = '';
    } else if (char === ')') {
      functions.pop();
    } else if (char === ',') {
      name = '';
    } else {
      name += char;
    }
    out += char;
  }
  return out;
}

function computeFailPaths(level: MutableLevel, failName: string, fail: MutableState): void {
  const passName = `${failName} (paths)`;
  if (passName in level.States) throw new Error(`a state is already named ${passName}`);
  const parameters: Record<string, unknown> = {};
  for (const [path, field] of [['ErrorPath', 'Error'], ['CausePath', 'Cause']] as const) {
    if (fail[path] === undefined) continue;
    parameters[`${field}.$`] = fail[path];
    fail[path] = `$.${field}`;
  }
  level.States[passName] = { Type: 'Pass', Parameters: parameters, Next: failName };
  redirectTransitions(level, failName, passName);
}
