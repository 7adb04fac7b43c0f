/** The city configuration as an object in the lake bucket, parsed as `loadCityConfig` parses a local file. */
import { parseCityConfig, type CityConfig } from '../config/city-config.ts';
import { ConfigError } from '../config/config-error.ts';
import type { ObjectStore } from '../lake/object-store.ts';

export async function loadCityConfigObject(store: ObjectStore, key: string): Promise<CityConfig> {
  // The location names the file in messages; the key's extension chooses JSON or YAML.
  const sourceName = `${store.location}/${key}`;
  let text: string;
  try {
    text = await store.getText(key);
  } catch (error) {
    throw new ConfigError(sourceName, [{ path: '$', problem: `cannot read the city configuration: ${(error as Error).message}` }], { cause: error });
  }
  return parseCityConfig(text, sourceName);
}
