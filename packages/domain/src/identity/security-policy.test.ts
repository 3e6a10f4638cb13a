import { describe, expect, it } from 'vitest';
import { inRegionScope, regionScopePrefix } from './region-scope.js';
import { checkPasswordPolicy } from './security-policy.js';

describe('password policy', () => {
  it('accepts a long mixed password', () => {
    expect(checkPasswordPolicy('Jinan-2026-ok', 'lc.inspector1')).toEqual([]);
  });
  it('refuses short, simple or username-containing passwords', () => {
    expect(checkPasswordPolicy('Ab1!', 'x').map((p) => p.code)).toContain('password_too_short');
    expect(checkPasswordPolicy('abcdefghijkl', 'x').map((p) => p.code)).toContain('password_too_simple');
    expect(checkPasswordPolicy('Admin-12345!', 'admin').map((p) => p.code)).toContain(
      'password_contains_username',
    );
  });
});

describe('region scope', () => {
  it('is a code prefix by level', () => {
    expect(regionScopePrefix('370100', 'city')).toBe('3701');
    expect(inRegionScope(regionScopePrefix('370100', 'city'), '370112001')).toBe(true);
    expect(inRegionScope(regionScopePrefix('370112', 'county'), '370102')).toBe(false);
  });
});
