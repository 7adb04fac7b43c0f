/** The city configuration as an S3 object (`CITY_CONFIG_URL`), parsed as `loadCityConfig` parses a local file. */
import { parseCityConfig, type CityConfig } from '../config/city-config.ts';
import { ConfigError } from '../config/config-error.ts';
import { openObjectStore, parseS3Url } from '../lake/open-object-store.ts';
import type { StoreOpener } from './object-stores.ts';

export async function loadCityConfigObject(url: string, openStore: StoreOpener = (location) => openObjectStore(location)): Promise<CityConfig> {
  const { bucket, prefix: key } = parseS3Url(url);
  if (key === '') throw new ConfigError(url, [{ path: '$', problem: 'expected s3://bucket/key of the city configuration file' }]);
  let text: string;
  try {
    text = await openStore(`s3://${bucket}`).getText(key);
  } catch (error) {
    throw new ConfigError(url, [{ path: '$', problem: `cannot read the city configuration: ${(error as Error).message}` }], { cause: error });
  }
  // The URL names the file in messages; its extension chooses JSON or YAML.
  return parseCityConfig(text, url);
}
