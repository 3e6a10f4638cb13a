/**
 * Region scope: a user of a unit sees its region's subtree. GB/T 2260 codes nest by prefix
 * (province 2 digits, city 4, county 6; GB/T 10114 towns 9, villages 12), so a subtree is a prefix.
 */
export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'village';

const PREFIX_LENGTH: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, town: 9, village: 12 };

export function regionScopePrefix(code: string, level: RegionLevel): string {
  return code.slice(0, PREFIX_LENGTH[level]);
}

export function inRegionScope(scopePrefix: string, regionCode: string): boolean {
  return regionCode.startsWith(scopePrefix);
}
