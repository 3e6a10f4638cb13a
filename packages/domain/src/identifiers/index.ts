export type { IdentifierError } from './identifier-error.js';
export { computeOrgCodeCheckChar, isOrgCodeCheckCharValid } from './organization-code.js';
export {
  checkResidentId,
  computeIdCheckChar,
  convertLegacyResidentId,
  type ResidentIdCheck,
  type ResidentIdDocument,
} from './resident-id.js';
export { checkUscc, computeUsccCheckChar, USCC_CHARSET, type UsccCheck, type UsccParts } from './uscc.js';
export { type CodeName, INSTITUTION_CATEGORIES, REGISTRATION_AUTHORITIES } from './uscc-categories.js';
