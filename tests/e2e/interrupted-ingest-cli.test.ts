/**
 * What an operator sees after killing `ipstats ingest` half-way (SIGKILL: no cleanup at all):
 * the views count nothing of the file, the next command warns about the leftovers and waits out
 * the dead process's lock, `ipstats doctor` lists the leftovers, `doctor --repair` deletes them,
 * and ingesting the file again counts it once.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../etl/ingest/ingest-file.ts';
import { LocalObjectStore } from '../../etl/lake/local-object-store.ts';
import { openLakeEngine } from '../../etl/pipeline/lake-engine.ts';
import { writePatentEventsCsv } from '../support/patent-events-csv.ts';
import { tempDir } from '../support/temp-dir.ts';
import { childEnv, PROJECT_ROOT, runCli, type CliResult } from './support/run-cli.ts';

const BIG_ROWS = 120_000;
const SMALL = ['event_id,application_no,event_type,effective_date,from_name,from_type,from_city_code,to_name,to_type,to_city_code', 'S-1,201710601862.3,transfer,2024-03-05,清华大学,university,110108,深圳乙公司,enterprise,440305', ''].join('\n');

let work: string;
let lake: string;
let bigFile: string;
let bigSha: string;
let killedWith: { curatedFiles: number; manifestExisted: boolean };
let afterKill: { views: number; next: CliResult; doctor: CliResult; repair: CliResult; doctorAgain: CliResult; reingest: CliResult; viewsAfter: number };

/** Curated Parquet files of the big file written so far (temp files of a write in progress end otherwise). */
async function curatedFiles(): Promise<number> {
  const dir = path.join(lake, 'curated', 'patent_events');
  if (!existsSync(dir)) return 0;
  return (await readdir(dir, { recursive: true })).filter((name) => String(name).endsWith(`/${bigSha}.parquet`)).length;
}

/** Starts `ipstats ingest` and SIGKILLs it as soon as some curated files exist. */
async function ingestAndKill(file: string): Promise<{ curatedFiles: number; manifestExisted: boolean }> {
  // The same TMPDIR as the commands after it, so the next one finds the killed run's work folder.
  const child = spawn(process.execPath, ['bin/ipstats.js', 'ingest', 'patent_events', file, '--lake', lake], { cwd: PROJECT_ROOT, env: await childEnv(), stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let found = 0;
  while (child.exitCode === null) {
    found = await curatedFiles();
    if (found > 0) {
      child.kill('SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await exited;
  return { curatedFiles: found, manifestExisted: existsSync(path.join(lake, 'manifests', 'patent_events', `${bigSha}.json`)) };
}

async function countedRows(): Promise<number> {
  const cache = await mkdtemp(path.join(tmpdir(), 'ipstats-test-killed-cache-'));
  const engine = await openLakeEngine(new LocalObjectStore(lake), cache);
  try {
    const { rows } = await engine.query<{ n: number }>('select cast(count(*) as integer) as n from stg_patent_events');
    return rows[0]!.n;
  } finally {
    await engine.close();
    await rm(cache, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  work = await tempDir('killed-ingest');
  lake = path.join(work, 'lake');
  bigFile = path.join(work, 'patent-events-big.csv');
  const smallFile = path.join(work, 'patent-events-small.csv');
  await writePatentEventsCsv(bigFile, { rows: BIG_ROWS, idPrefix: 'B' });
  await writeFile(smallFile, SMALL);
  bigSha = await sha256File(bigFile);
  expect((await runCli(['ingest', 'patent_events', smallFile, '--lake', lake])).exitCode).toBe(0);
  killedWith = await ingestAndKill(bigFile);
  const views = await countedRows();
  // The next command: the small file again (already in the lake). It waits for the dead process's lock to go stale.
  const next = await runCli(['ingest', 'patent_events', smallFile, '--lake', lake]);
  const doctor = await runCli(['doctor', '--lake', lake]);
  const repair = await runCli(['doctor', '--repair', '--lake', lake]);
  const doctorAgain = await runCli(['doctor', '--lake', lake]);
  const reingest = await runCli(['ingest', 'patent_events', bigFile, '--lake', lake]);
  afterKill = { views, next, doctor, repair, doctorAgain, reingest, viewsAfter: await countedRows() };
}, 240_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('ipstats ingest killed after writing curated files', () => {
  it('was killed with curated files written and no manifest', () => {
    expect(killedWith.curatedFiles).toBeGreaterThan(0);
    expect(killedWith.manifestExisted).toBe(false);
  });

  it('counts nothing of the killed file in the views', () => {
    expect(afterKill.views).toBe(1);
  });

  it('makes the next command remove the killed run\'s temporary folder, take over the dead lock (waiting while it is fresh) and say how many leftovers there are and what to do', () => {
    expect(afterKill.next.exitCode).toBe(0);
    const [removed, ...lines] = afterKill.next.stderr.trimEnd().split('\n');
    expect(removed).toMatch(/^warning: removed a temporary folder left by an earlier run folder=\S+ipstats-work-\d+-ingest-patent_events-\S+ pid=\d+ age_minutes=\d+$/);
    // It waits only while the dead process's lock is not yet stale: on a loaded machine the views
    // counted between the kill and this command can take longer than that, and then it does not wait.
    const waiting = `warning: waiting for another ingestion into the lake to finish lock=${lake}/.ipstats-write.lock timeout_s=600`;
    const afterWaiting = lines[0] === waiting ? lines.slice(1) : lines;
    expect(afterWaiting[0]).toMatch(
      new RegExp(
        `^warning: uncommitted objects of an interrupted ingestion are in the lake; they are not counted objects=(\\d+) lake=${lake} ` +
          `what_to_do=list them with ipstats doctor --lake ${lake}, delete them with ipstats doctor --repair --lake ${lake}$`,
      ),
    );
    expect(afterWaiting).toHaveLength(1);
  });

  it('ipstats doctor lists the raw copy and every curated file of the killed file, and exits 0', () => {
    expect(afterKill.doctor.exitCode).toBe(0);
    const lines = afterKill.doctor.stdout.trimEnd().split('\n');
    const listed = lines.slice(2, -1).map((line) => line.split(/\s{2,}/));
    expect(listed[0]![0]).toBe(`raw/patent_events/ingest_date=${new Date().toISOString().slice(0, 10)}/${bigSha}.csv`);
    expect(listed.slice(1).every(([key]) => new RegExp(`^curated/patent_events/year=\\d{4}/month=\\d{2}/${bigSha}\\.parquet$`).test(key!))).toBe(true);
    expect(listed.every((cells) => cells[3] === 'no manifest')).toBe(true);
    expect(listed.length - 1).toBeGreaterThanOrEqual(killedWith.curatedFiles);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^${listed.length} uncommitted object\\(s\\), [\\d,]+ bytes, in ${lake}: left by interrupted ingestions and not counted; delete them with ipstats doctor --repair --lake ${lake}, then ingest those source files again$`),
    );
    const warned = Number(/objects=(\d+)/.exec(afterKill.next.stderr)![1]);
    expect(listed.length).toBe(warned);
  });

  it('ipstats doctor --repair deletes them, saying so; doctor then finds nothing', () => {
    expect(afterKill.repair.exitCode).toBe(0);
    expect(afterKill.repair.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^removed ${afterKill.doctor.stdout.trimEnd().split('\n').length - 3} uncommitted object\\(s\\), [\\d,]+ bytes, from ${lake}$`));
    expect(afterKill.doctorAgain.stdout).toBe(`no uncommitted objects in ${lake}: everything under raw/, curated/ and rejects/ belongs to a committed ingestion\n`);
  });

  it('counts the file once when it is ingested again', () => {
    expect(afterKill.reingest.exitCode).toBe(0);
    expect(afterKill.reingest.stderr).toBe('');
    expect(afterKill.viewsAfter).toBe(1 + BIG_ROWS);
  });
});
