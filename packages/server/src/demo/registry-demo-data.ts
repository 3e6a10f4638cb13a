import { computeOrgCodeCheckChar, computeUsccCheckChar, makePublicCode, USCC_CHARSET } from '@weijian/domain';
import { type DemoRandom, syntheticPersonName } from './random.js';

/**
 * Synthetic establishments for the demo city and the benchmarks: realistic proportions of kinds and
 * categories, names made of neutral syllables (no real institution is meant), credit codes that pass
 * their checks, deterministic for a seed. One row at a time, so a million rows stream.
 */
export interface GeneratedEstablishment {
  name: string;
  uscc: string;
  publicCode: string;
  kind: string;
  categoryCode: string;
  regionCode: string;
  address: string;
  legalRepresentative: string;
  contactPhone: string;
  ownership: 'public' | 'private';
  forProfit: boolean;
  level: 'level1' | 'level2' | 'level3' | 'unrated' | null;
  beds: number | null;
  clinicalSubjects: string[];
  status: 'preparing' | 'operating' | 'suspended' | 'deregistered';
}

interface CategoryPlan {
  code: string;
  kind: string;
  /** Per 5,000 establishments. */
  count: number;
  suffix: string;
  publicShare: number;
  beds: [number, number] | null;
  subjects: string[];
}

const m = (
  code: string,
  count: number,
  suffix: string,
  publicShare: number,
  beds: [number, number] | null,
  subjects: string[],
): CategoryPlan => ({
  code,
  kind: 'medical',
  count,
  suffix,
  publicShare,
  beds,
  subjects,
});
const o = (code: string, kind: string, count: number, suffix: string, publicShare = 0): CategoryPlan => ({
  code,
  kind,
  count,
  suffix,
  publicShare,
  beds: null,
  subjects: [],
});

/** Roughly the mix of a Chinese urban district with a rural hinterland (counts per 5,000). */
export const CATEGORY_PLAN: readonly CategoryPlan[] = [
  m('A100', 35, '医院', 0.4, [50, 1200], ['02', '03', '04', '05', '07', '20', '30', '32']),
  m('A210', 10, '中医医院', 0.6, [40, 600], ['03', '04', '50']),
  m('A300', 3, '中西医结合医院', 0.3, [30, 300], ['03', '52']),
  m('A511', 6, '口腔医院', 0.1, [10, 80], ['12']),
  m('A518', 3, '妇产医院', 0.1, [20, 150], ['05']),
  m('A527', 4, '康复医院', 0.2, [30, 200], ['21']),
  m('A529', 3, '医疗美容医院', 0, [10, 60], ['14']),
  m('B100', 25, '社区卫生服务中心', 1, [0, 40], ['01', '02', '03', '50']),
  m('B200', 90, '社区卫生服务站', 1, null, ['02']),
  m('C210', 8, '中心卫生院', 1, [20, 120], ['01', '02', '03', '04']),
  m('C220', 12, '卫生院', 1, [10, 60], ['01', '02', '03']),
  m('D110', 40, '门诊部', 0, null, ['02', '03', '04']),
  m('D121', 15, '中医门诊部', 0, null, ['50']),
  m('D152', 40, '口腔门诊部', 0, null, ['12']),
  m('D154', 20, '医疗美容门诊部', 0, null, ['14']),
  m('D211', 600, '诊所', 0, null, ['02', '03']),
  m('D212', 200, '中医诊所', 0, null, ['50']),
  m('D213', 50, '中西医结合诊所', 0, null, ['52']),
  m('D215', 250, '口腔诊所', 0, null, ['12']),
  m('D216', 60, '医疗美容诊所', 0, null, ['14']),
  m('D300', 20, '卫生所', 0.5, null, ['02']),
  m('D400', 60, '医务室', 0.5, null, ['02']),
  m('D600', 350, '卫生室', 0.9, null, ['02']),
  m('G100', 3, '妇幼保健院', 1, [20, 200], ['05', '07']),
  m('J100', 3, '疾病预防控制中心', 1, null, []),
  o('S101', 'public_place', 250, '大酒店'),
  o('S102', 'public_place', 200, '宾馆'),
  o('S103', 'public_place', 50, '茶社'),
  o('S201', 'public_place', 120, '浴池'),
  o('S202', 'public_place', 800, '理发店'),
  o('S203', 'public_place', 700, '美容院'),
  o('S301', 'public_place', 30, '影城'),
  o('S302', 'public_place', 100, 'KTV'),
  o('S401', 'public_place', 20, '体育馆', 0.5),
  o('S402', 'public_place', 40, '游泳馆', 0.3),
  o('S502', 'public_place', 5, '博物馆', 1),
  o('S503', 'public_place', 10, '图书馆', 1),
  o('S601', 'public_place', 60, '商场'),
  o('S702', 'public_place', 15, '汽车站候车室', 0.8),
  o('T100', 'drinking_water', 15, '自来水厂', 0.8),
  o('T200', 'drinking_water', 180, '小区二次供水'),
  o('T300', 'drinking_water', 50, '净水站'),
  o('T400', 'drinking_water', 5, '净水设备有限公司'),
  o('U100', 'disinfection', 15, '消毒剂有限公司'),
  o('U200', 'disinfection', 10, '消毒设备有限公司'),
  o('U300', 'disinfection', 25, '卫生用品有限公司'),
  o('V100', 'radiation', 40, '医学影像中心'),
  o('V200', 'radiation', 10, '放射卫生技术服务有限公司'),
  o('W100', 'school', 150, '幼儿园', 0.6),
  o('W200', 'school', 130, '学校', 0.9),
  o('W300', 'school', 20, '职业学院', 0.8),
  o('X100', 'occupational', 45, '制造有限公司'),
  o('X200', 'occupational', 5, '职业卫生技术服务有限公司'),
];

const BRAND = '康泰安仁和济德惠佳瑞福祥宁颐华恒信诚博睿嘉禾悦雅秀怡欣馨锦尚泽晟弘益众沁澄朗蔚岚筠琦璟翰煦昕';
const STREET = '山泉槐柳荷桂枫杏松竹梨桃樱榆桑棠兰芷';
const STREET_SUFFIX = ['路', '街', '大道', '巷'];

/** Where the demo city's establishments are: mostly 历城区 (its streets), 历下区 and 章丘区. */
export interface DemoRegion {
  code: string;
  name: string;
  weight: number;
}

function weightedPick<T extends { weight: number }>(rnd: DemoRandom, items: readonly T[], total: number): T {
  let x = rnd.next() * total;
  for (const it of items) {
    x -= it.weight;
    if (x < 0) return it;
  }
  return items[items.length - 1]!;
}

const USCC_BODY = USCC_CHARSET;

export function syntheticUscc(rnd: DemoRandom, prefix: string, county: string): string {
  let org = '';
  for (let i = 0; i < 8; i++) org += USCC_BODY[rnd.int(0, USCC_BODY.length - 1)];
  const first17 = `${prefix}${county}${org}${computeOrgCodeCheckChar(org)}`;
  return first17 + computeUsccCheckChar(first17);
}

export class EstablishmentGenerator {
  private readonly plan: { plan: CategoryPlan; weight: number }[];
  private readonly planTotal: number;
  private readonly regionTotal: number;
  private readonly seen = new Set<string>();

  constructor(
    private readonly rnd: DemoRandom,
    private readonly regions: readonly DemoRegion[],
  ) {
    this.plan = CATEGORY_PLAN.map((p) => ({ plan: p, weight: p.count }));
    this.planTotal = this.plan.reduce((s, p) => s + p.weight, 0);
    this.regionTotal = regions.reduce((s, r) => s + r.weight, 0);
  }

  /** Categories in their planned counts for n establishments (the demo), or drawn at random (the benchmark). */
  plannedCategories(n: number): CategoryPlan[] {
    const out: CategoryPlan[] = [];
    for (const p of CATEGORY_PLAN)
      for (let i = 0; i < Math.max(1, Math.round((p.count * n) / 5000)); i++) out.push(p);
    return out;
  }

  randomCategory(): CategoryPlan {
    return weightedPick(this.rnd, this.plan, this.planTotal).plan;
  }

  next(plan: CategoryPlan = this.randomCategory()): GeneratedEstablishment {
    const rnd = this.rnd;
    const region = weightedPick(rnd, this.regions, this.regionTotal);
    const county = region.code.slice(0, 6);
    const brand = rnd.pick([...BRAND]) + rnd.pick([...BRAND]);
    const place = region.name.replace(/(街道|区|镇)$/, '');
    const name = plan.code === 'D600' ? `${place}${brand}村${plan.suffix}` : `${place}${brand}${plan.suffix}`;
    const isPublic = rnd.chance(plan.publicShare);
    const individual = !isPublic && (/^D2/.test(plan.code) || plan.code === 'S202') && rnd.chance(0.6);
    const prefix = isPublic
      ? '12'
      : plan.kind === 'medical' && rnd.chance(0.3)
        ? '52'
        : individual
          ? '92'
          : '91';
    let uscc = syntheticUscc(rnd, prefix, county);
    while (this.seen.has(uscc)) uscc = syntheticUscc(rnd, prefix, county);
    if (this.seen.size < 2_000_000) this.seen.add(uscc);
    const bytes = new Uint8Array(12).map(() => rnd.int(0, 255));
    const beds = plan.beds
      ? rnd.int(plan.beds[0], plan.beds[1])
      : plan.code === 'S101' || plan.code === 'S102'
        ? rnd.int(20, 400)
        : null;
    const subjects = plan.subjects.filter((_, i) => i === 0 || rnd.chance(0.7)).sort();
    const status = rnd.chance(0.9)
      ? 'operating'
      : rnd.pick(['preparing', 'suspended', 'deregistered'] as const);
    return {
      name,
      uscc,
      publicCode: makePublicCode(bytes),
      kind: plan.kind,
      categoryCode: plan.code,
      regionCode: region.code,
      address: `${region.name}${rnd.pick([...STREET])}${rnd.pick([...STREET])}${rnd.pick(STREET_SUFFIX)}${rnd.int(1, 999)}号`,
      legalRepresentative: syntheticPersonName(rnd),
      contactPhone: `0531-${rnd.int(5, 8)}${String(rnd.int(0, 9_999_999)).padStart(7, '0')}`,
      ownership: isPublic ? 'public' : 'private',
      forProfit: !isPublic && prefix !== '52',
      level: plan.code.startsWith('A')
        ? rnd.pick(['level1', 'level2', 'level2', 'level3', 'unrated'] as const)
        : null,
      beds,
      clinicalSubjects: subjects,
      status,
    };
  }
}
