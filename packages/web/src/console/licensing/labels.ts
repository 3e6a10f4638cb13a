import { useTranslation } from 'react-i18next';
import type { Action } from '../../api/licensing';

/** Names in the UI's language; the server sends Chinese and English labels of states and actions. */
export function useLicensingLabels() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const pick = (zh: string, enText: string | undefined) => (en && enText ? enText : zh);
  return {
    en,
    mode: (m: string) => t(`licensing.modes.${m}`, { defaultValue: m }),
    level: (l: string) => t(`licensing.levels.${l}`, { defaultValue: l }),
    purpose: (p: string) => t(`licensing.purposes.${p}`, { defaultValue: p }),
    step: (s: string) => t(`licensing.steps.${s}`, { defaultValue: s }),
    act: (a: string) => t(`licensing.actionNames.${a}`, { defaultValue: a }),
    licenseAct: (a: string) => t(`licensing.licenseActions.${a}`, { defaultValue: a }),
    department: (d: string) => t(`licensing.departments.${d}`, { defaultValue: d }),
    lookup: (code: string) => {
      const n = LOOKUP_NAMES[code];
      return n ? pick(n.zh, n.en) : code;
    },
    kind: (k: string) => t(`licensing.kinds.${k}`, { defaultValue: k }),
    licenseStatus: (s: string) => t(`licensing.licenseStatuses.${s}`, { defaultValue: s }),
    stopKind: (k: string) => t(`licensing.stopKinds.${k}`, { defaultValue: k }),
    taskKind: (k: string) => t(`licensing.taskKinds.${k}`, { defaultValue: k }),
    state: (x: { stateLabelZh: string; stateLabelEn?: string }) => pick(x.stateLabelZh, x.stateLabelEn),
    action: (a: Action) => pick(a.labelZh, a.labelEn),
    name: (x: { nameZh: string; nameEn: string }) => pick(x.nameZh, x.nameEn),
    citation: (c: { zh: string; en: string }) => pick(c.zh, c.en),
    days: (n: number | null) =>
      n === null ? '—' : n === 0 ? t('licensing.onTheSpot') : t('licensing.days', { n }),
  };
}

/** The data lookups that replace paper copies (the domain's DATA_LOOKUP_NAMES; keys hold dots, so not i18n keys). */
const LOOKUP_NAMES: Record<string, { zh: string; en: string }> = {
  'registry.practice_license': {
    zh: '名录库中有效的《医疗机构执业许可证》',
    en: "The valid practice licence held on the establishment's registry record",
  },
  'registry.practitioners': {
    zh: '名录库中医师、护士电子化注册信息',
    en: 'Electronic registration of the doctors and nurses in the registry',
  },
  'registry.establishment': {
    zh: '名录库中的机构登记信息（名称、统一社会信用代码、地址、法定代表人）',
    en: "The establishment's registry record (name, credit code, address, representative)",
  },
  'market.business_license': {
    zh: '统一社会信用代码（营业执照信息由市场监管部门共享）',
    en: 'The credit code (business-licence data shared by market regulation)',
  },
};

export const MODE_COLORS: Record<string, string> = {
  abolished: 'default',
  filing: 'green',
  commitment: 'blue',
  approval: 'purple',
};

export const STATE_COLORS: Record<string, string> = {
  draft: 'default',
  signed: 'cyan',
  submitted: 'blue',
  correction_requested: 'orange',
  under_review: 'processing',
  excluded_period: 'gold',
  public_notice: 'geekblue',
  filed: 'green',
  granted: 'green',
  refused: 'red',
  rejected: 'red',
  withdrawn: 'default',
  valid: 'green',
  expired: 'default',
  revoked: 'red',
  deregistered: 'default',
};

/** Staff and institution pages live under different roots; shared views build links from this. */
export interface LicensingPaths {
  application: (id: number) => string;
  license: (id: number) => string;
}
export const CONSOLE_PATHS: LicensingPaths = {
  application: (id) => `/console/licensing/applications/${id}`,
  license: (id) => `/console/licensing/licenses/${id}`,
};
export const MY_PATHS: LicensingPaths = {
  application: (id) => `/my/applications/${id}`,
  license: (id) => `/my/licenses/${id}`,
};
