/**
 * Lints what we deploy, as a deployment would receive it: the app is synthesised once per
 * target (environment-agnostic, cn-northwest-1, cn-north-1), every template goes through the
 * cfn-lint command line (zero errors; warnings only when acknowledged, with a reason, in
 * infra/lint/cfn-lint-acknowledged.ts) and every state machine's DefinitionString, resolved to
 * concrete JSON with placeholder ARNs, through asl-validator (zero errors).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import aslValidator from 'asl-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { CFN_LINT_ACKNOWLEDGED, type CfnLintAcknowledgement } from '../../infra/lint/cfn-lint-acknowledged.ts';
import { tempDir } from '../support/temp-dir.ts';
import { runCfnLint, type CfnLintFinding } from './support/cfn-lint.ts';
import { chinaTarget, ENVIRONMENT_AGNOSTIC } from './support/deployment-targets.ts';
import { resolvedStateMachines } from './support/resolved-state-machines.ts';
import { sharedTemplates, type StackKey } from './support/synthesised-templates.ts';

const synthesised = await Promise.all([ENVIRONMENT_AGNOSTIC, chinaTarget('cn-northwest-1'), chinaTarget('cn-north-1')].map(sharedTemplates));

interface LocatedFinding extends CfnLintFinding {
  readonly target: string;
  readonly stack: StackKey;
}

function matches(acknowledgement: CfnLintAcknowledgement, finding: LocatedFinding): boolean {
  return finding.level === 'Warning' && acknowledgement.rule === finding.rule && acknowledgement.stack === finding.stack && acknowledgement.resource === finding.resource;
}

const describeFinding = (finding: LocatedFinding) => `${finding.target} ${finding.stack} ${finding.rule} ${finding.level} at ${finding.path.join('/')}: ${finding.message}`;

describe('cfn-lint over every synthesised template', () => {
  let findings: LocatedFinding[] = [];
  let brokenTemplateFindings: CfnLintFinding[] = [];

  beforeAll(async () => {
    const runs = synthesised.map(async (templates) => {
      // The files of the run's synthesis cache, linted where they are (cfn-lint only reads them).
      const stackOfFile = new Map(Object.entries(templates.files).map(([stack, file]) => [file, stack as StackKey]));
      const found = await runCfnLint(Object.values(templates.files), templates.target.lintRegions);
      return found.map((finding) => {
        const stack = stackOfFile.get(finding.file);
        if (stack === undefined) throw new Error(`cfn-lint reported a file it was not given: ${finding.file} (${finding.rule}: ${finding.message})`);
        return { ...finding, target: templates.target.label, stack };
      });
    });
    // The same runner over a template with one deliberate fault: proves findings are read at all.
    const broken = (async () => {
      const storage = JSON.parse(await readFile(synthesised[0]!.files.storage, 'utf8')) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
      const bucket = Object.values(storage.Resources).find((resource) => resource.Type === 'AWS::S3::Bucket')!;
      bucket.Properties.VersioningConfiguration = { Status: 'Sometimes' };
      const file = path.join(await tempDir('cfn-lint'), 'broken-storage.template.json');
      await writeFile(file, JSON.stringify(storage));
      return runCfnLint([file], ['us-east-1']);
    })();
    findings = (await Promise.all(runs)).flat();
    brokenTemplateFindings = await broken;
  }, 180_000);

  it('reports no error in any template, in any target region', () => {
    expect(findings.filter((finding) => finding.level === 'Error').map(describeFinding)).toEqual([]);
  });

  it('reports no warning that infra/lint/cfn-lint-acknowledged.ts does not acknowledge', () => {
    const unacknowledged = findings.filter((finding) => !CFN_LINT_ACKNOWLEDGED.some((acknowledgement) => matches(acknowledgement, finding)));
    expect(unacknowledged.map(describeFinding)).toEqual([]);
  });

  it('has no acknowledgement left that matches no finding', () => {
    const stale = CFN_LINT_ACKNOWLEDGED.filter((acknowledgement) => !findings.some((finding) => matches(acknowledgement, finding)));
    expect(stale).toEqual([]);
  });

  it('acknowledges warnings only, one rule on one resource at a time, each with a reason', () => {
    const keys = CFN_LINT_ACKNOWLEDGED.map(({ rule, stack, resource }) => `${rule} ${stack} ${resource}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const acknowledgement of CFN_LINT_ACKNOWLEDGED) {
      expect({ ...acknowledgement, warning: /^W\d{4}$/.test(acknowledgement.rule), explained: acknowledgement.reason.length >= 60 }).toMatchObject({ warning: true, explained: true });
    }
  });

  it('does report a fault: an invalid bucket versioning status is an error', () => {
    expect(brokenTemplateFindings.filter((finding) => finding.level === 'Error').map((finding) => finding.path.slice(2).join('/'))).toEqual(['Properties/VersioningConfiguration/Status']);
  });
});

describe.each(synthesised.map((templates) => [templates.target.label, templates] as const))('asl-validator over the state machines (%s)', (_label, templates) => {
  const machines = resolvedStateMachines(templates);

  it('resolves the three state machines to concrete JSON', () => {
    expect(machines.map((machine) => machine.logicalId.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'LargeSourceIngestionStateMachine',
      'MonthlyRunStateMachine',
      'PendingSourcesIngestionStateMachine',
    ]);
    for (const machine of machines) expect(machine.text).not.toMatch(/\$\{Token|\{"Ref"|Fn::/);
  });

  it.each(machines.map((machine) => [machine.logicalId, machine] as const))('finds %s valid', (_id, machine) => {
    const result = aslValidator(structuredClone(machine.definition));
    expect(result.errorsText('\n')).toBe('');
    expect(result.isValid).toBe(true);
  });

  it(`names every resource by an ARN of the ${templates.target.partition} partition and the target region`, () => {
    const arns = machines.flatMap((machine) => machine.text.match(/arn:[^"]*/g) ?? []);
    expect(arns.length).toBeGreaterThan(5);
    for (const found of arns) expect(found).toMatch(new RegExp(`^arn:${templates.target.partition}:[a-z0-9-]+:(${templates.target.region})?:`));
  });

  it('rejects a definition whose transition goes nowhere', () => {
    const monthly = machines.find((machine) => machine.logicalId.startsWith('MonthlyRunStateMachine'))!;
    const broken = structuredClone(monthly.definition) as { StartAt: string; States: Record<string, unknown> };
    delete broken.States[broken.StartAt];
    const result = aslValidator(broken);
    expect(result.isValid).toBe(false);
    expect(result.errors.map((error) => error['Error code'])).toContain('MISSING_TRANSITION_TARGET');
  });
});
