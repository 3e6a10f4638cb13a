import type { MaterialRequirement, PermitDefinition } from '../../../api/licensing';
import type { NewPermitVersion } from '../../../api/licensingCatalogue';

/**
 * The editor's form values and their conversion from and to a permit definition. A material's
 * "removed by the reform" object becomes flat fields (a switch, the lookup, the citation), so the
 * form can show and hide them; every field the editor does not show is carried over unchanged.
 */
export interface MaterialValues {
  code: string;
  nameZh: string;
  nameEn: string;
  required: boolean;
  removedFlag: boolean;
  replacedBy: string | null;
  removedCitationZh: string;
  removedCitationEn: string;
}

export type DefinitionValues = Omit<PermitDefinition, 'code' | 'materials'> & { materials: MaterialValues[] };

export interface EditorValues {
  effectiveFrom: string;
  note: string;
  definition: DefinitionValues;
}

/** The data lookups that can replace a paper copy (the domain's DATA_LOOKUPS). */
export const DATA_LOOKUPS = [
  'registry.practice_license',
  'registry.practitioners',
  'registry.establishment',
  'market.business_license',
] as const;

const materialValues = (m: MaterialRequirement): MaterialValues => ({
  code: m.code,
  nameZh: m.nameZh,
  nameEn: m.nameEn,
  required: m.required,
  removedFlag: m.removed !== null,
  replacedBy: m.removed?.replacedBy ?? null,
  removedCitationZh: m.removed?.citation.zh ?? '',
  removedCitationEn: m.removed?.citation.en ?? '',
});

export function valuesOf(d: PermitDefinition, effectiveFrom: string): EditorValues {
  const { code: _code, materials, ...rest } = d;
  return { effectiveFrom, note: '', definition: { ...rest, materials: materials.map(materialValues) } };
}

export function requestOf(base: PermitDefinition, v: EditorValues): NewPermitVersion {
  const { code: _code, ...carried } = base;
  const d = v.definition;
  const materials: MaterialRequirement[] = (d.materials ?? []).map((m) => ({
    code: m.code,
    nameZh: m.nameZh,
    nameEn: m.nameEn,
    required: !m.removedFlag && m.required,
    removed: m.removedFlag
      ? {
          replacedBy: m.replacedBy || null,
          citation: { zh: m.removedCitationZh ?? '', en: m.removedCitationEn ?? '' },
        }
      : null,
  }));
  const days = (x: unknown) => (x === undefined || x === null || x === '' ? null : Number(x));
  return {
    effectiveFrom: v.effectiveFrom,
    note: v.note,
    definition: {
      ...carried,
      ...d,
      statutoryLimitDays: days(d.statutoryLimitDays),
      committedLimitDays: days(d.committedLimitDays),
      verificationDays: days(d.verificationDays),
      acceptLimitDays: days(d.acceptLimitDays) ?? carried.acceptLimitDays,
      guide: { ...carried.guide, ...d.guide },
      citation: { ...carried.citation, ...d.citation },
      legalBasis: d.legalBasis ?? [],
      conditions: d.conditions ?? [],
      modelTexts: d.modelTexts ?? [],
      materials,
    },
  };
}

/** A problem's path ('definition.materials.0.nameZh') as an antd form name. */
export const formName = (path: string): (string | number)[] =>
  path
    .split(/[./]/)
    .filter((p) => p && p !== 'body')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
