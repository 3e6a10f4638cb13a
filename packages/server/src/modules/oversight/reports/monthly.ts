import type { Dashboard } from '../dashboard.js';
import type { Totals } from '../deadlines.js';
import { pct, type ReportDocument, type ReportSection, share, zhDay } from './model.js';

const TIMELINESS_COLUMNS = [
  '期间内发生',
  '期间内办结',
  '按时办结',
  '超时办结',
  '按时率',
  '未办结',
  '其中逾期',
];
const timelinessRow = (name: string, t: Totals) => [
  name,
  t.started,
  t.done,
  t.onTime,
  t.late,
  pct(t.onTime, t.done),
  t.open,
  t.overdue,
];

/** Whether the period has any record at all in the region (an empty report says so). */
export function periodIsEmpty(d: Dashboard): boolean {
  const all = [d.approvals.total, d.postApproval, d.complaints, d.warnings, d.cases, d.publications];
  return all.every((t) => t.started + t.done === 0) && d.coverage.covered === 0;
}

/** 月度监管报告: every panel of the dashboard for a period and region, as tables and a chart. */
export function monthlyReport(d: Dashboard, scopeNote: string, generatedOn: string): ReportDocument {
  const empty = periodIsEmpty(d);
  const areas: [string, Totals][] = [
    ['许可审批', d.approvals.total],
    ['事后核查', d.postApproval],
    ['投诉举报', d.complaints],
    ['风险预警', d.warnings],
    ['案件办理', d.cases],
    ['处罚公示', d.publications],
  ];
  const sections: ReportSection[] = [
    {
      heading: '一、监管对象基本情况',
      paragraphs: [`${d.region.name}辖区内在册监管对象 ${d.establishments.total} 家（不含已注销）。`],
      tables: [
        {
          title: '监管对象（按类型）',
          columns: ['类型', '数量'],
          rows: d.establishments.byKind.map((k) => [k.nameZh, k.n]),
        },
        {
          title: '信用与风险等级分布',
          columns: ['等级', '数量'],
          rows: [
            ...d.credit.byCreditLevel.map((l) => [`信用 ${l.nameZh}`, l.n]),
            ...d.credit.byRiskLevel.map((l) => [`风险 ${l.nameZh}`, l.n]),
          ],
        },
      ],
    },
    {
      heading: '二、办理时效',
      paragraphs: [
        '下表各项均取自各业务模块自身保存的期限记录（法定或承诺期限、完成日、是否按时），驾驶舱与本报告不另行推算。',
        `投诉举报：收到 ${d.complaints.started} 件，办结 ${d.complaints.done} 件，其中按时 ${d.complaints.onTime} 件（${pct(d.complaints.onTime, d.complaints.done)}），经查属实 ${d.complaints.substantiated} 件，逾期未办 ${d.complaints.overdue} 件。`,
        `案件办理：立案 ${d.cases.started} 件，作出决定 ${d.cases.done} 件，其中行政处罚 ${d.cases.penalties} 件、罚款 ${d.cases.amount.toLocaleString('zh-CN')} 元，逾期未决 ${d.cases.overdue} 件。`,
        `处罚公示：应公示 ${d.publications.started} 件，已公示 ${d.publications.done} 件，按时 ${d.publications.onTime} 件，逾期未公示 ${d.publications.overdue} 件。`,
        `风险预警：发出 ${d.warnings.started} 条，处置 ${d.warnings.done} 条，按时 ${d.warnings.onTime} 条，逾期未处置 ${d.warnings.overdue} 条。`,
      ],
      tables: [
        {
          title: '各项办理时效',
          columns: ['事项', ...TIMELINESS_COLUMNS],
          rows: areas.map(([n, t]) => timelinessRow(n, t)),
        },
      ],
      chart: {
        title: '各项按时办结率（%）',
        categories: areas.map(([n]) => n),
        series: [
          {
            name: '按时率',
            values: areas.map(([, t]) => (t.done ? share(t.onTime, t.done) : null)),
            color: '2E7D32',
          },
        ],
        percent: true,
      },
    },
    {
      heading: '三、许可审批时效（按事项）',
      paragraphs: d.approvals.byPermit.length ? [] : ['本期间无许可审批记录。'],
      tables: d.approvals.byPermit.length
        ? [
            {
              title: '许可审批（按事项）',
              columns: ['事项', ...TIMELINESS_COLUMNS],
              rows: d.approvals.byPermit.map((p) => timelinessRow(p.nameZh, p)),
            },
          ]
        : [],
    },
    {
      heading: '四、“双随机、一公开”抽查覆盖',
      paragraphs: [
        `${d.coverage.year} 年度抽查覆盖 ${d.coverage.covered} 家，监管对象 ${d.coverage.population} 家，覆盖率 ${pct(d.coverage.covered, d.coverage.population)}，年度目标 ${pct(d.coverage.target, 1)}。`,
      ],
      tables: [
        {
          title: '抽查覆盖（按地区）',
          columns: ['地区', '监管对象', '已检查', '覆盖率'],
          rows: d.coverage.byRegion.map((r) => [
            r.name,
            r.population,
            r.covered,
            pct(r.covered, r.population),
          ]),
        },
      ],
    },
  ];
  return {
    kind: 'monthly_supervision',
    title: `${d.region.name}卫生健康监管月度报告`,
    regionName: d.region.name,
    regionCode: d.region.code,
    scopeNote,
    from: d.from,
    to: d.to,
    generatedOn,
    empty,
    emptyNote: `${zhDay(d.from)}至${zhDay(d.to)}，${d.region.name}（${scopeNote}）没有许可、核查、投诉举报、风险预警、案件、公示或抽查记录，本期为空报告。`,
    citation:
      '数据来源：许可、投诉举报、风险预警、案件与公示各模块保存的期限记录；抽查覆盖取自随机抽查模块的统计。',
    sections: empty ? [] : sections,
  };
}
