export { inRegionScope, type RegionLevel, regionScopePrefix } from './region-scope.js';
export { checkPasswordPolicy, type PasswordProblem, SECURITY_POLICY } from './security-policy.js';
