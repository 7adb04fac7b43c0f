#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx registers the loader), so `npx ipstats` works after `npm ci`.
import { register } from 'tsx/esm/api';

// A reader that stops early (`ipstats query … | head`) closes the pipe. That is not a failure:
// the rest of the output is dropped, and the command still ends with its own exit status.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
});

register();
const { main } = await import('../etl/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
