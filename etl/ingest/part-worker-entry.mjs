// Worker threads do not inherit the TypeScript loader of the main thread (tsx, vitest):
// register tsx, then load the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./part-worker.ts');
