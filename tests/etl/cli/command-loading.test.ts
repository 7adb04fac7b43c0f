import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../etl/cli/main.ts';

const namesOf = async (argv: string[]) => (await buildProgram(argv)).commands.map((command) => command.name());
const ALL = ['run', 'ingest', 'report', 'query', 'sample', 'classify', 'doctor'];

describe('command loading', () => {
  it('loads only the named command', async () => {
    expect(await namesOf(['sample', '--out', 'x'])).toEqual(['sample']);
    expect(await namesOf(['--log-format', 'json', 'ingest', 'patents', 'a.csv'])).toEqual(['ingest']);
  });

  it('loads every command for help and for a mistake, so both list them all', async () => {
    expect(await namesOf(['--help'])).toEqual(ALL);
    expect(await namesOf(['help', 'run'])).toEqual(ALL);
    expect(await namesOf(['bogus'])).toEqual(ALL);
  });
});
