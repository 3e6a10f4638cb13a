import { useTranslation } from 'react-i18next';

const KNOWN = {
  identity: 'roles.module.identity',
  calendar: 'roles.module.calendar',
  registry: 'roles.module.registry',
  licensing: 'roles.module.licensing',
  inspection: 'roles.module.inspection',
  enforcement: 'roles.module.enforcement',
  complaint: 'roles.module.complaint',
} as const;

/** A module prefix's name; a module this list does not know yet shows its prefix. */
export function useModuleLabel(): (module: string) => string {
  const { t } = useTranslation();
  return (module) => {
    const key = KNOWN[module as keyof typeof KNOWN];
    return key ? t(key) : module;
  };
}
