import { KIND_NAMES } from '@weijian/domain';
import type { inspectionFigures } from '../../inspection/figures.js';
import { pct, type ReportDocument, share, zhDay } from './model.js';

type Figures = Awaited<ReturnType<typeof inspectionFigures>>;

/** “双随机、一公开”年度报告: the inspection module's own yearly figures for the region. */
export function inspectionYearReport(
  f: Figures,
  region: { code: string; name: string },
  regionNames: Map<string, string>,
  scopeNote: string,
  generatedOn: string,
): ReportDocument {
  const from = `${f.year}-01-01`;
  const to = `${f.year}-12-31`;
  const empty = f.total.planned === 0 && f.total.covered === 0;
  const kindName = (k: string) => KIND_NAMES[k as keyof typeof KIND_NAMES]?.zh ?? k;
  const byRegion = f.byRegion.map((r) => ({ ...r, name: regionNames.get(r.regionCode) ?? r.regionCode }));
  return {
    kind: 'inspection_year',
    title: `${region.name}${f.year}年度“双随机、一公开”抽查工作报告`,
    regionName: region.name,
    regionCode: region.code,
    scopeNote,
    from,
    to,
    generatedOn,
    empty,
    emptyNote: `${f.year}年，${region.name}（${scopeNote}）没有抽取或完成的随机抽查任务，本年度为空报告。`,
    citation: '数据来源：随机抽查模块年度统计（覆盖率目标取自抽查政策参数）。',
    sections: empty
      ? []
      : [
          {
            heading: '一、抽查覆盖情况',
            paragraphs: [
              `全年抽取 ${f.total.planned} 家，完成检查 ${f.total.covered} 家，监管对象 ${f.total.population} 家，覆盖率 ${pct(f.total.covered, f.total.population)}，年度目标 ${pct(f.target, 1)}，${f.total.meetsTarget ? '已达到' : '未达到'}目标。`,
            ],
            tables: [
              {
                title: '按类型',
                columns: ['类型', '监管对象', '抽取', '已检查', '覆盖率'],
                rows: f.byKind.map((k) => [
                  kindName(k.kind),
                  k.population,
                  k.planned,
                  k.covered,
                  pct(k.covered, k.population),
                ]),
              },
              {
                title: '按地区',
                columns: ['地区', '监管对象', '抽取', '已检查', '覆盖率'],
                rows: byRegion.map((r) => [
                  r.name,
                  r.population,
                  r.planned,
                  r.covered,
                  pct(r.covered, r.population),
                ]),
              },
            ],
            chart: {
              title: '各地区抽查覆盖率（%）',
              categories: byRegion.map((r) => r.name),
              series: [
                {
                  name: '覆盖率',
                  values: byRegion.map((r) => share(r.covered, r.population)),
                  color: '1677FF',
                },
                { name: '年度目标', values: byRegion.map(() => share(f.target, 1)), color: 'CF1322' },
              ],
              percent: true,
            },
          },
          {
            heading: '二、检查发现问题',
            paragraphs: [
              `共检查 ${f.findingsByItem.reduce((s, i) => s + i.checked, 0)} 项次，不合格 ${f.findingsByItem.reduce((s, i) => s + i.nonCompliant, 0)} 项次。`,
            ],
            tables: [
              {
                title: '按检查项',
                columns: ['检查项', '内容', '检查', '不合格', '不合格率'],
                rows: f.findingsByItem.map((i) => [
                  i.itemCode,
                  i.what,
                  i.checked,
                  i.nonCompliant,
                  pct(i.nonCompliant, i.checked),
                ]),
              },
            ],
          },
          {
            heading: '三、逾期事项',
            paragraphs: [
              `逾期未完成检查任务 ${f.overdue.tasks} 件，逾期未完成整改 ${f.overdue.rectifications} 件，逾期未公示结果 ${f.overdue.publications} 件（截至${zhDay(generatedOn)}）。`,
            ],
            tables: [],
          },
        ],
  };
}
