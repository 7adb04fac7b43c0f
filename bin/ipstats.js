#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx registers the loader), so `npx ipstats` works after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../etl/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
