import type { Citation } from '../calendar/calendar.js';
import { CREDIT_CITATIONS, weijianDefault } from './citations.js';

/**
 * Online-monitoring readings (智慧卫监 / 在线监测): each metric has one canonical unit, the other
 * units it accepts with their factor, a physical range outside which a reading cannot be true (the
 * batch is refused), and the regulatory limits outside which a true reading is flagged and warned
 * about. Standards' article numbers were taken from the standards as remembered, not re-read: the
 * citations say "待核" where that matters.
 */
export interface MonitoringMetric {
  code: string;
  context: 'drinking_water' | 'pool_water' | 'public_air' | 'medical_waste';
  nameZh: string;
  nameEn: string;
  unit: string;
  /** Other accepted unit spellings → factor to the canonical unit. */
  units: Record<string, number>;
  physical: { min: number; max: number };
  limit: { min?: number; max?: number } | null;
  citation: Citation;
}

export interface MonitoringRules {
  metrics: MonitoringMetric[];
  /** A reading stamped later than now + this many minutes is refused (a clock far in the future). */
  maxClockSkewMinutes: number;
  /** Readings older than this many days are refused (a clock far in the past, or a stale resend). */
  maxAgeDays: number;
  /** Largest batch accepted. */
  maxReadingsPerBatch: number;
  citation: Citation;
}

const GB5749 = (what: string, en: string): Citation => ({
  zh: `GB 5749-2022《生活饮用水卫生标准》：${what}`,
  en: `GB 5749-2022 Standards for drinking water quality: ${en}`,
});
const GB37488 = (what: string, en: string): Citation => ({
  zh: `GB 37488-2019《公共场所卫生指标及限值要求》：${what}（限值待核）`,
  en: `GB 37488-2019 Hygienic indicators and limits for public places: ${en} (limits to be checked)`,
});

export const DEFAULT_MONITORING_RULES: MonitoringRules = {
  metrics: [
    {
      code: 'water.free_chlorine',
      context: 'drinking_water',
      nameZh: '出厂水游离氯',
      nameEn: 'Free chlorine (finished water)',
      unit: 'mg/L',
      units: { 'mg/L': 1, 'mg/l': 1, 'μg/L': 0.001, 'ug/L': 0.001 },
      physical: { min: 0, max: 50 },
      limit: { min: 0.3, max: 2 },
      citation: GB5749('出厂水游离氯 0.3–2 mg/L', 'free chlorine in finished water 0.3–2 mg/L'),
    },
    {
      code: 'water.turbidity',
      context: 'drinking_water',
      nameZh: '浑浊度',
      nameEn: 'Turbidity',
      unit: 'NTU',
      units: { NTU: 1 },
      physical: { min: 0, max: 4000 },
      limit: { max: 1 },
      citation: GB5749('浑浊度 ≤1 NTU', 'turbidity ≤1 NTU'),
    },
    {
      code: 'water.ph',
      context: 'drinking_water',
      nameZh: 'pH',
      nameEn: 'pH',
      unit: 'pH',
      units: { pH: 1 },
      physical: { min: 0, max: 14 },
      limit: { min: 6.5, max: 8.5 },
      citation: GB5749('pH 6.5–8.5', 'pH 6.5–8.5'),
    },
    {
      code: 'pool.free_chlorine',
      context: 'pool_water',
      nameZh: '游泳池水游离性余氯',
      nameEn: 'Free residual chlorine (pool)',
      unit: 'mg/L',
      units: { 'mg/L': 1, 'mg/l': 1, 'μg/L': 0.001, 'ug/L': 0.001 },
      physical: { min: 0, max: 50 },
      limit: { min: 0.3, max: 1 },
      citation: GB37488('游泳池水游离性余氯 0.3–1.0 mg/L', 'pool free residual chlorine 0.3–1.0 mg/L'),
    },
    {
      code: 'pool.ph',
      context: 'pool_water',
      nameZh: '游泳池水 pH',
      nameEn: 'Pool pH',
      unit: 'pH',
      units: { pH: 1 },
      physical: { min: 0, max: 14 },
      limit: { min: 7, max: 7.8 },
      citation: GB37488('游泳池水 pH 7.0–7.8', 'pool pH 7.0–7.8'),
    },
    {
      code: 'pool.turbidity',
      context: 'pool_water',
      nameZh: '游泳池水浑浊度',
      nameEn: 'Pool turbidity',
      unit: 'NTU',
      units: { NTU: 1 },
      physical: { min: 0, max: 4000 },
      limit: { max: 1 },
      citation: GB37488('游泳池水浑浊度 ≤1 NTU', 'pool turbidity ≤1 NTU'),
    },
    {
      code: 'air.co2',
      context: 'public_air',
      nameZh: '室内二氧化碳',
      nameEn: 'Indoor carbon dioxide',
      unit: 'ppm',
      units: { ppm: 1, '%': 10_000 },
      physical: { min: 0, max: 50_000 },
      limit: { max: 1000 },
      citation: GB37488(
        '室内二氧化碳 ≤0.10%（住宿等场所）',
        'indoor CO2 ≤0.10% (lodging and similar places)',
      ),
    },
    {
      code: 'air.pm10',
      context: 'public_air',
      nameZh: '室内可吸入颗粒物 PM10',
      nameEn: 'Indoor PM10',
      unit: 'mg/m3',
      units: { 'mg/m3': 1, 'mg/m³': 1, 'μg/m3': 0.001, 'ug/m3': 0.001, 'μg/m³': 0.001 },
      physical: { min: 0, max: 10 },
      limit: { max: 0.15 },
      citation: GB37488('PM10 ≤0.15 mg/m³', 'PM10 ≤0.15 mg/m³'),
    },
    {
      code: 'air.formaldehyde',
      context: 'public_air',
      nameZh: '室内甲醛',
      nameEn: 'Indoor formaldehyde',
      unit: 'mg/m3',
      units: { 'mg/m3': 1, 'mg/m³': 1 },
      physical: { min: 0, max: 10 },
      limit: { max: 0.1 },
      citation: GB37488('甲醛 ≤0.10 mg/m³', 'formaldehyde ≤0.10 mg/m³'),
    },
    {
      code: 'waste.handover_weight',
      context: 'medical_waste',
      nameZh: '医疗废物交接重量',
      nameEn: 'Medical waste handed over',
      unit: 'kg',
      units: { kg: 1, g: 0.001, t: 1000 },
      physical: { min: 0, max: 100_000 },
      limit: null,
      citation: {
        zh: '《医疗废物管理条例》第十四条：医疗废物交接登记',
        en: 'Regulation on Medical Waste art. 14: handover records',
      },
    },
    {
      code: 'waste.storage_hours',
      context: 'medical_waste',
      nameZh: '医疗废物暂存时长',
      nameEn: 'Medical waste storage time',
      unit: 'h',
      units: { h: 1, min: 1 / 60, d: 24 },
      physical: { min: 0, max: 8760 },
      limit: { max: 48 },
      citation: {
        zh: '《医疗卫生机构医疗废物管理办法》：医疗废物暂时贮存的时间不得超过 2 天（条文序号待核）',
        en: 'Measures on Medical Waste in Health Institutions: temporary storage at most 2 days (article to be checked)',
      },
    },
  ],
  maxClockSkewMinutes: 10,
  maxAgeDays: 366,
  maxReadingsPerBatch: 5000,
  citation: {
    zh: `${CREDIT_CITATIONS.seed001Monitoring.zh}；${weijianDefault('时钟偏差 10 分钟、读数最长 366 天、每批 5000 条', 'clock skew 10 minutes, readings at most 366 days old, 5,000 per batch').zh}`,
    en: `${CREDIT_CITATIONS.seed001Monitoring.en}; clock skew 10 minutes, readings at most 366 days old, 5,000 per batch (Weijian defaults)`,
  },
};

export interface ReadingProblem {
  code: 'unknown_metric' | 'wrong_unit' | 'outside_physical_range' | 'clock_in_future' | 'too_old';
  field: 'metric' | 'unit' | 'value' | 'measuredAt';
  zh: string;
  en: string;
}

export interface CheckedReading {
  metric: MonitoringMetric;
  /** In the canonical unit. */
  value: number;
  outOfLimit: boolean;
  limitZh: string | null;
  limitEn: string | null;
}

function limitText(m: MonitoringMetric): { zh: string; en: string } | null {
  if (!m.limit) return null;
  const { min, max } = m.limit;
  if (min !== undefined && max !== undefined)
    return { zh: `${min}–${max} ${m.unit}`, en: `${min}–${max} ${m.unit}` };
  if (max !== undefined) return { zh: `≤ ${max} ${m.unit}`, en: `≤ ${max} ${m.unit}` };
  return { zh: `≥ ${min} ${m.unit}`, en: `≥ ${min} ${m.unit}` };
}

/**
 * Checks one reading: known metric, accepted unit, within the physical range, not stamped in the
 * future or too long ago. A reading that passes is converted to the canonical unit and flagged
 * when outside the regulatory limit.
 */
export function checkReading(
  rules: MonitoringRules,
  r: { metric: string; value: number; unit: string; measuredAt: string },
  now: Date,
): { ok: true; reading: CheckedReading } | { ok: false; problem: ReadingProblem } {
  const metric = rules.metrics.find((m) => m.code === r.metric);
  if (!metric) {
    return {
      ok: false,
      problem: {
        code: 'unknown_metric',
        field: 'metric',
        zh: `未知监测指标 ${r.metric}`,
        en: `unknown metric ${r.metric}`,
      },
    };
  }
  const factor = metric.units[r.unit];
  if (factor === undefined) {
    const accepted = Object.keys(metric.units).join(', ');
    return {
      ok: false,
      problem: {
        code: 'wrong_unit',
        field: 'unit',
        zh: `${metric.nameZh} 的单位应为 ${accepted}（收到 ${r.unit}）`,
        en: `${metric.nameEn} takes ${accepted} (got ${r.unit})`,
      },
    };
  }
  const value = Math.round(r.value * factor * 1e6) / 1e6;
  if (!Number.isFinite(value) || value < metric.physical.min || value > metric.physical.max) {
    return {
      ok: false,
      problem: {
        code: 'outside_physical_range',
        field: 'value',
        zh: `${metric.nameZh} ${r.value} ${r.unit} 超出物理可能范围 ${metric.physical.min}–${metric.physical.max} ${metric.unit}`,
        en: `${metric.nameEn} ${r.value} ${r.unit} is outside the physically possible ${metric.physical.min}–${metric.physical.max} ${metric.unit}`,
      },
    };
  }
  const at = Date.parse(r.measuredAt);
  if (at > now.getTime() + rules.maxClockSkewMinutes * 60_000) {
    return {
      ok: false,
      problem: {
        code: 'clock_in_future',
        field: 'measuredAt',
        zh: `测量时间 ${r.measuredAt} 晚于当前时间（允许偏差 ${rules.maxClockSkewMinutes} 分钟），请校准设备时钟`,
        en: `measuredAt ${r.measuredAt} is in the future (allowed skew ${rules.maxClockSkewMinutes} minutes); check the device clock`,
      },
    };
  }
  if (at < now.getTime() - rules.maxAgeDays * 86_400_000) {
    return {
      ok: false,
      problem: {
        code: 'too_old',
        field: 'measuredAt',
        zh: `测量时间 ${r.measuredAt} 早于 ${rules.maxAgeDays} 天前`,
        en: `measuredAt ${r.measuredAt} is more than ${rules.maxAgeDays} days ago`,
      },
    };
  }
  const lim = metric.limit;
  const outOfLimit =
    !!lim && ((lim.min !== undefined && value < lim.min) || (lim.max !== undefined && value > lim.max));
  const text = limitText(metric);
  return {
    ok: true,
    reading: { metric, value, outOfLimit, limitZh: text?.zh ?? null, limitEn: text?.en ?? null },
  };
}

export function monitoringRuleProblems(r: MonitoringRules): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  r.metrics.forEach((m, i) => {
    if (!/^[a-z_]+\.[a-z0-9_]+$/.test(m.code) || codes.has(m.code)) problems.push(`metrics[${i}].code`);
    codes.add(m.code);
    if (m.units[m.unit] !== 1) problems.push(`metrics[${i}].units (the canonical unit with factor 1)`);
    if (!(m.physical.min < m.physical.max)) problems.push(`metrics[${i}].physical`);
  });
  if (!(r.maxClockSkewMinutes >= 0)) problems.push('maxClockSkewMinutes');
  if (!(r.maxAgeDays >= 1)) problems.push('maxAgeDays');
  if (!(r.maxReadingsPerBatch >= 1 && r.maxReadingsPerBatch <= 20_000)) problems.push('maxReadingsPerBatch');
  return problems;
}
