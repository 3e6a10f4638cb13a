import { useTranslation } from 'react-i18next';

/** Names of the actions and entity types the trail holds today; others show their code. */
const ACTIONS = {
  'identity.user.create': 'audit.actions.userCreate',
  'identity.user.update': 'audit.actions.userUpdate',
  'identity.user.disable': 'audit.actions.userDisable',
  'identity.user.enable': 'audit.actions.userEnable',
  'identity.user.reset-password': 'audit.actions.userResetPassword',
  'identity.user.reset-second-factor': 'audit.actions.userResetSecondFactor',
  'identity.user.unlock': 'audit.actions.userUnlock',
  'identity.user.lock': 'audit.actions.userLock',
  'identity.user.change-password': 'audit.actions.userChangePassword',
  'identity.person.read-sensitive': 'audit.actions.personReadSensitive',
  'identity.second-factor.begin-setup': 'audit.actions.secondFactorBegin',
  'identity.second-factor.enable': 'audit.actions.secondFactorEnable',
  'identity.session.sign-in': 'audit.actions.signIn',
  'identity.session.sign-out': 'audit.actions.signOut',
  'identity.session.sign-out-everywhere': 'audit.actions.signOutEverywhere',
  'identity.role.create': 'audit.actions.roleCreate',
  'identity.role.update': 'audit.actions.roleUpdate',
  'identity.role.delete': 'audit.actions.roleDelete',
  'identity.unit.create': 'audit.actions.unitCreate',
  'identity.unit.update': 'audit.actions.unitUpdate',
  'identity.region.create': 'audit.actions.regionCreate',
  'identity.audit.export': 'audit.actions.auditExport',
  'identity.api-key.create': 'audit.actions.apiKeyCreate',
  'identity.api-key.revoke': 'audit.actions.apiKeyRevoke',
  'calendar.arrangement.enter': 'audit.actions.arrangementEnter',
  'calendar.arrangement.activate': 'audit.actions.arrangementActivate',
} as const;

const ENTITIES = {
  user: 'audit.entities.user',
  role: 'audit.entities.role',
  unit: 'audit.entities.unit',
  region: 'audit.entities.region',
  audit_event: 'audit.entities.audit_event',
  api_key: 'audit.entities.api_key',
  holiday_arrangement: 'audit.entities.holiday_arrangement',
  establishment: 'audit.entities.establishment',
  practitioner: 'audit.entities.practitioner',
} as const;

/** Prefixes offered in the action filter (any prefix may be typed). */
export const ACTION_PREFIXES = [
  'identity.user.',
  'identity.role.',
  'identity.unit.',
  'identity.session.',
  'identity.second-factor.',
  'identity.person.read-sensitive',
  'identity.audit.',
  'identity.api-key.',
  'calendar.',
  'registry.',
];

export const ENTITY_TYPES = Object.keys(ENTITIES);

export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    action: (code: string): string | null => {
      const key = ACTIONS[code as keyof typeof ACTIONS];
      return key ? t(key) : null;
    },
    entity: (type: string): string => {
      const key = ENTITIES[type as keyof typeof ENTITIES];
      return key ? t(key) : type;
    },
  };
}
