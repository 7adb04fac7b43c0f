/**
 * Which codes may name a configured city: six-digit GB/T 2260 codes at city level.
 * City level means a prefecture-level city `PPCC00`, one of the four municipalities
 * (`110000`, `120000`, `310000`, `500000`), or a county-level unit administered directly by its
 * province (`PP90xx`, e.g. 429004 仙桃市), which has no city above it and so is its own unit.
 */
const MUNICIPALITIES: ReadonlySet<string> = new Set(['110000', '120000', '310000', '500000']);

export function isCityLevelCode(code: string): boolean {
  if (!/^[1-8]\d{5}$/.test(code)) return false;
  if (MUNICIPALITIES.has(code)) return true;
  const cityPart = code.slice(2, 4);
  const countyPart = code.slice(4, 6);
  if (cityPart === '90') return countyPart !== '00';
  return cityPart !== '00' && countyPart === '00';
}
