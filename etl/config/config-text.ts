/**
 * Turns the text of a configuration file into a plain value: JSON or YAML, chosen by the file
 * extension, or by the first character when there is no extension (`{` or `[` → JSON).
 */
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from './config-error.ts';

export type ConfigSyntax = 'json' | 'yaml';

const SYNTAX_BY_EXTENSION: Readonly<Record<string, ConfigSyntax>> = { '.json': 'json', '.yaml': 'yaml', '.yml': 'yaml' };

export function syntaxOf(text: string, sourceName: string): ConfigSyntax {
  const extension = extname(sourceName).toLowerCase();
  if (extension === '') return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
  const syntax = SYNTAX_BY_EXTENSION[extension];
  if (!syntax) {
    throw new ConfigError(sourceName, [
      { path: '$', problem: `unsupported file extension "${extension}": expected .json, .yaml, .yml or none` },
    ]);
  }
  return syntax;
}

export function parseConfigText(text: string, sourceName: string): unknown {
  const withoutBom = text.replace(/^\uFEFF/, '');
  if (withoutBom.trim() === '') throw new ConfigError(sourceName, [{ path: '$', problem: 'the file is empty' }]);
  const syntax = syntaxOf(withoutBom, sourceName);
  try {
    return syntax === 'json' ? JSON.parse(withoutBom) : parseYaml(withoutBom);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(sourceName, [{ path: '$', problem: `not valid ${syntax.toUpperCase()}: ${reason}` }], { cause: error });
  }
}
