/**
 * Writes the section "指标解释 (generated)" of docs/indicators.md from
 * etl/reports/methods/indicator-methods.ts. Run after changing that module:
 *   node --import tsx scripts/write-indicator-methods-doc.ts
 * tests/etl/reports/methods/indicator-methods-doc.test.ts fails while the doc is out of step.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withMethodsSection } from '../etl/reports/methods/indicator-methods-markdown.ts';

const docPath = fileURLToPath(new URL('../docs/indicators.md', import.meta.url));
const before = readFileSync(docPath, 'utf8');
const after = withMethodsSection(before);
if (after === before) {
  console.log('docs/indicators.md: 指标解释 already up to date');
} else {
  writeFileSync(docPath, after);
  console.log('docs/indicators.md: 指标解释 rewritten');
}
