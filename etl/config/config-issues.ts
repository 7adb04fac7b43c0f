/**
 * zod issues of a configuration file (the city configuration, a coverage.json) → ConfigIssues:
 * the JSON path, the problem and the value found there; an unknown key lists the allowed ones.
 */
import type { z } from 'zod';
import { jsonPathOf, type ConfigIssue } from './config-error.ts';

/** The keys the strict object at `path` accepts, for "unknown key" messages. */
export type AllowedKeysAt = (path: readonly PropertyKey[]) => readonly string[];

export function configIssuesOf(issues: readonly z.core.$ZodIssue[], data: unknown, allowedKeysAt: AllowedKeysAt): ConfigIssue[] {
  return issues.flatMap((issue) => toConfigIssues(issue, data, allowedKeysAt));
}

function toConfigIssues(issue: z.core.$ZodIssue, data: unknown, allowedKeysAt: AllowedKeysAt): ConfigIssue[] {
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(issue.path).join(', ');
    return issue.keys.map((key) => ({
      path: jsonPathOf([...issue.path, key]),
      problem: `unknown key "${key}"; allowed keys: ${allowed}`,
      value: valueAt(data, [...issue.path, key]),
    }));
  }
  const value = valueAt(data, issue.path);
  if (value === undefined) return [{ path: jsonPathOf(issue.path), problem: 'is required' }];
  return [{ path: jsonPathOf(issue.path), problem: issue.message, value }];
}

/** The value at `path` inside `data`, undefined when there is none. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
