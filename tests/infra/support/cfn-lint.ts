/**
 * Runs the cfn-lint command line (the CloudFormation linter, a Python tool installed on the
 * machine, not an npm package) over template files and returns its findings, parsed from its
 * JSON output format.
 */
import { execFile } from 'node:child_process';

export type CfnLintLevel = 'Error' | 'Warning' | 'Informational';

export interface CfnLintFinding {
  readonly rule: string;
  readonly level: CfnLintLevel;
  readonly file: string;
  /** The logical id when the finding is inside `Resources`. */
  readonly resource?: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

interface RawFinding {
  readonly Filename: string | null;
  readonly Level: CfnLintLevel;
  readonly Location: { readonly Path: (string | number)[] | null };
  readonly Message: string;
  readonly Rule: { readonly Id: string };
}

/** cfn-lint's exit status is a bit mask of the levels it found (2 error, 4 warning, 8 informational). */
const FINDING_BITS = 2 | 4 | 8;

export async function runCfnLint(files: readonly string[], regions: readonly string[]): Promise<CfnLintFinding[]> {
  if (files.length === 0) throw new Error('runCfnLint needs at least one template file');
  const args = ['--format', 'json', '--regions', ...regions, '--', ...files];
  const { status, stdout, stderr } = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve, reject) => {
    execFile('cfn-lint', args, { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, out, err) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`cfn-lint could not run (${error.message}); install it with \`pip install cfn-lint\` (docs/aws.md, "Linting what we deploy")`));
        return;
      }
      resolve({ status: typeof error?.code === 'number' ? error.code : 0, stdout: out, stderr: err });
    });
  });
  if ((status & ~FINDING_BITS) !== 0) throw new Error(`cfn-lint failed with exit status ${status}: ${stderr.slice(0, 2000)}`);
  const raw = JSON.parse(stdout.trim() === '' ? '[]' : stdout) as RawFinding[];
  if (!Array.isArray(raw)) throw new Error(`cfn-lint printed no JSON list: ${stdout.slice(0, 200)}`);
  if ((status === 0) !== (raw.length === 0)) throw new Error(`cfn-lint exit status ${status} disagrees with its ${raw.length} finding(s)`);
  return raw.map((finding) => {
    const findingPath = finding.Location.Path ?? [];
    return {
      rule: finding.Rule.Id,
      level: finding.Level,
      file: finding.Filename ?? '',
      ...(findingPath[0] === 'Resources' && typeof findingPath[1] === 'string' ? { resource: findingPath[1] } : {}),
      path: findingPath,
      message: finding.Message,
    };
  });
}
