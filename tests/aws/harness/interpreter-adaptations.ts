/**
 * Where aws-local-stepfunctions 3.0.0 differs from Step Functions on something the ipstats
 * definitions use, the definition is adapted before it runs — only these two ways, each
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
