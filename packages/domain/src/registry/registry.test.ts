import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  CLINICAL_SUBJECTS,
  categoryTree,
  checkHeaders,
  checkMultiSiteFiling,
  checkQualification,
  classifyPhone,
  combineFlags,
  DEFAULT_COMPLIANCE_GUIDES,
  DEFAULT_RESPONSIBILITY_MAP,
  ESTABLISHMENT_KINDS,
  ESTABLISHMENT_TEMPLATE,
  type EstablishmentRowContext,
  isPublicCode,
  makePublicCode,
  resolveCategory,
  resolveClinicalSubject,
  validateEstablishmentRow,
} from './index.js';

const text = (value: string) => ({ type: 'text' as const, value });
const ctx: EstablishmentRowContext = {
  region: (code) =>
    ({
      '370112': { level: 'county', retired: false, replacedBy: [], inScope: true },
      '370112001': { level: 'town', retired: false, replacedBy: [], inScope: true },
      '370102': { level: 'county', retired: false, replacedBy: [], inScope: false },
      '370100': { level: 'city', retired: false, replacedBy: [], inScope: true },
      '370181': { level: 'county', retired: true, replacedBy: ['370114'], inScope: true },
    })[code] as ReturnType<EstablishmentRowContext['region']>,
  usccAccepted: (code) => code === '91350211M0000XUF46',
};
type Cells = Parameters<typeof validateEstablishmentRow>[0];
const good: Cells = {
  name: text('济南示例口腔诊所'),
  uscc: text('91350100M000100Y43'),
  category: text('口腔诊所'),
  regionCode: { type: 'number' as const, value: 370112 },
  address: text('历城区示例路 1 号'),
  legalRepresentative: text('张三'),
  contactPhone: text('0531 8888 6666'),
  ownership: text('社会办'),
  forProfit: text('营利性'),
  beds: { type: 'number' as const, value: 0 },
  clinicalSubjects: text('口腔科；02'),
  status: text('执业'),
};

describe('category codes', () => {
  it('has unique codes, one kind per code, and resolves codes and names', () => {
    expect(new Set(CATEGORIES.map((c) => c.code)).size).toBe(CATEGORIES.length);
    expect(resolveCategory('a100')).toMatchObject({ code: 'A100', kind: 'medical' });
    expect(resolveCategory('综合医院')?.code).toBe('A100');
    expect(resolveCategory('村卫生室')?.code).toBe('D600');
    expect(resolveCategory('中医(综合)医院')?.code).toBe('A210');
    expect(resolveCategory('理发店')).toMatchObject({ code: 'S202', kind: 'public_place' });
    expect(resolveCategory('X999')).toBeUndefined();
    for (const kind of ESTABLISHMENT_KINDS) expect(CATEGORIES.some((c) => c.kind === kind)).toBe(true);
  });
  it('builds a tree whose every node has an existing parent', () => {
    const tree = categoryTree();
    const codes = new Set(tree.map((n) => n.code));
    expect(tree.filter((n) => n.parent !== null && !codes.has(n.parent))).toEqual([]);
  });
  it('resolves clinical subjects by code or first-level name', () => {
    expect(resolveClinicalSubject('3')?.code).toBe('03');
    expect(resolveClinicalSubject('03.1')?.nameZh).toBe('呼吸内科专业');
    expect(resolveClinicalSubject('医疗美容科')?.code).toBe('14');
    expect(resolveClinicalSubject('29')).toBeUndefined();
    expect(CLINICAL_SUBJECTS.find((s) => s.code === '28')?.nameZh).toBe('重症医学科');
  });
});

describe('establishment rows', () => {
  it('accepts a good row and normalises it', () => {
    const r = validateEstablishmentRow(good, ctx);
    expect(r.issues).toEqual([]);
    expect(r.value).toMatchObject({
      categoryCode: 'D215',
      kind: 'medical',
      regionCode: '370112',
      phone: { kind: 'landline', normalized: '0531-88886666' },
      ownership: 'private',
      forProfit: true,
      clinicalSubjects: ['02', '12'],
      status: 'operating',
    });
  });
  it('reports every bad cell with its column', () => {
    const r = validateEstablishmentRow(
      {
        ...good,
        uscc: text('91350100M000100Y42'),
        category: text('牙科'),
        regionCode: text('370102'),
        beds: { type: 'date', value: '2024-01-05' },
        status: text('营业'),
      },
      ctx,
    );
    expect(r.value).toBeUndefined();
    expect(r.issues.map((i) => [i.column, i.code])).toEqual([
      ['统一社会信用代码', 'uscc_check_char'],
      ['机构类别', 'unknown_category'],
      ['行政区划代码', 'region_out_of_scope'],
      ['床位数', 'date_in_number_column'],
      ['状态', 'unknown_status'],
    ]);
  });
  it('refuses negative beds, retired or city-level regions, and subjects on a public place', () => {
    const codes = (cells: Cells) =>
      validateEstablishmentRow({ ...good, ...cells }, ctx).issues.map((i) => i.code);
    expect(codes({ beds: { type: 'number', value: -3 } })).toEqual(['negative_beds']);
    expect(codes({ regionCode: text('370181') })).toEqual(['region_retired']);
    expect(codes({ regionCode: text('370100') })).toEqual(['region_level']);
    expect(codes({ regionCode: text('999999') })).toEqual(['unknown_region']);
    expect(codes({ category: text('S202'), ownership: text(''), forProfit: text('') })).toEqual([
      'subjects_not_applicable',
    ]);
    expect(codes({ uscc: { type: 'number', value: 913501001234567800 } })).toEqual(['uscc_stored_as_number']);
    expect(codes({ name: { type: 'empty' } })).toEqual(['required']);
  });
  it('accepts a failing USCC only when it was accepted, and marks it', () => {
    const r = validateEstablishmentRow({ ...good, uscc: text('91350211M0000XUF46') }, ctx);
    expect(r.value?.usccCheckFailed).toBe(true);
  });
  it('keeps a masked mobile as "unchanged" and classifies phones', () => {
    const r = validateEstablishmentRow({ ...good, contactPhone: text('138****5678') }, ctx);
    expect(r.value?.phone).toEqual({ kind: 'masked', masked: '138****5678' });
    expect(classifyPhone('+86 138 0013 8000')).toEqual({ kind: 'mobile', normalized: '13800138000' });
    expect(classifyPhone('400-810-8888')?.kind).toBe('landline');
    expect(classifyPhone('12345')).toBeUndefined();
  });
});

describe('template headers', () => {
  const headers = ESTABLISHMENT_TEMPLATE.columns.map((c) => c.header);
  it('has exactly the twelve columns of the issue', () => {
    expect(headers).toEqual([
      '机构名称',
      '统一社会信用代码',
      '机构类别',
      '行政区划代码',
      '地址',
      '法定代表人',
      '联系电话',
      '举办主体',
      '经营性质',
      '床位数',
      '诊疗科目',
      '状态',
    ]);
    expect(checkHeaders(ESTABLISHMENT_TEMPLATE, headers).issues).toEqual([]);
  });
  it('names missing, unknown and duplicated headers', () => {
    const bad = [...headers.slice(0, 4), '住址', ...headers.slice(5), '机构名称'];
    expect(checkHeaders(ESTABLISHMENT_TEMPLATE, bad).issues.map((i) => [i.column, i.code])).toEqual([
      ['住址', 'unknown_column'],
      ['机构名称', 'duplicate_column'],
      ['地址', 'missing_column'],
    ]);
  });
});

describe('flags, codes, practitioners, guides', () => {
  it('derives flags and keeps manual ones', () => {
    expect(
      combineFlags({ categoryCode: 'D211', clinicalSubjects: ['14'], uscc: '92370112MA00000000' }, [
        'remote_monitoring',
        'dental',
      ]),
    ).toEqual(['medical_beauty', 'individual_clinic', 'remote_monitoring']);
    expect(combineFlags({ categoryCode: 'D600', clinicalSubjects: [], uscc: null }, [])).toEqual([
      'village_clinic',
    ]);
  });
  it('makes public codes that check', () => {
    const code = makePublicCode(new Uint8Array(Array.from({ length: 12 }, (_, i) => i * 37)));
    expect(code).toHaveLength(13);
    expect(isPublicCode(code)).toBe(true);
    const typo = code.slice(0, 3) + (code[3] === 'A' ? 'B' : 'A') + code.slice(4);
    expect(isPublicCode(typo)).toBe(false);
    const swapped = code[0] === code[1] ? code : code[1]! + code[0]! + code.slice(2);
    if (swapped !== code) expect(isPublicCode(swapped)).toBe(false);
  });
  it('checks doctors’ category and scopes, and multi-site filings', () => {
    expect(
      checkQualification({
        profession: 'doctor',
        practiceCategory: '1',
        practiceScopes: ['11', '21'],
        titleGrade: 'senior',
      }),
    ).toEqual([]);
    expect(
      checkQualification({
        profession: 'doctor',
        practiceCategory: '2',
        practiceScopes: ['11'],
        titleGrade: null,
      })[0]?.code,
    ).toBe('practice_scope_mismatch');
    expect(
      checkQualification({
        profession: 'nurse',
        practiceCategory: '1',
        practiceScopes: [],
        titleGrade: null,
      })[0]?.code,
    ).toBe('practice_category_not_applicable');
    expect(
      checkMultiSiteFiling({
        profession: 'doctor',
        primaryEstablishmentId: 1,
        siteEstablishmentId: 1,
        siteKind: 'medical',
        validFrom: '2026-01-01',
        validTo: '2025-01-01',
      }).map((p) => p.code),
    ).toEqual(['multi_site_same_as_primary', 'period_reversed']);
  });
  it('has a guide for every kind, citing seed 002 annex 3 for medical departments', () => {
    for (const kind of ESTABLISHMENT_KINDS)
      expect(DEFAULT_COMPLIANCE_GUIDES[kind].departments.length).toBeGreaterThan(0);
    const depts = DEFAULT_COMPLIANCE_GUIDES.medical.departments.map((d) => d.departmentCode);
    expect(depts).toEqual([
      'health',
      'supervision',
      'police',
      'approval',
      'market',
      'environment',
      'insurance',
    ]);
    expect(DEFAULT_RESPONSIBILITY_MAP.every((d) => d.citation.zh.includes('附件3'))).toBe(true);
  });
});
