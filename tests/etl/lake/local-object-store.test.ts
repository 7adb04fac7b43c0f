import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalObjectStore } from '../../../etl/lake/local-object-store.ts';
import { describeObjectStoreContract } from './object-store.contract.ts';

describeObjectStoreContract(
  'LocalObjectStore',
  async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'ipstats-local-store-'));
    return {
      store: new LocalObjectStore(root),
      cleanup: () => rm(root, { recursive: true, force: true }),
    };
  },
  { location: /^\/.*ipstats-local-store-[^/]+$/ },
);
