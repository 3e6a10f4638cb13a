import { FLAG_NAMES } from '@weijian/domain';
import type { Dashboard } from '../dashboard.js';
import type { Totals } from '../deadlines.js';
import { pct, type ReportDocument, type ReportSection, share, zhDay } from './model.js';
import { periodIsEmpty } from './monthly.js';
import { KEY_FLAGS, type PilotFigures } from './pilot-figures.js';

/** 济历城卫健发〔2022〕20号: the pilot plan whose 四(三) asks for the written summary of the pilot. */
export const PILOT_CITATION =
  '依据：济历城卫健发〔2022〕20号《历城区推进医疗服务领域“综合监管一件事”改革试点工作方案》四(三)“总结评估阶段”：各有关部门认真总结试点工作，区卫健局形成全区试点工作总结，书面报告市卫健委。';

const TIMELINESS_COLUMNS = ['期间内发生', '期间内办结', '按时办结', '按时率', '未办结', '其中逾期'];
const row = (name: string, t: Totals) => [
  name,
  t.started,
  t.done,
  t.onTime,
  pct(t.onTime, t.done),
  t.open,
  t.overdue,
];

/** Whether the period has nothing the pilot summary counts (the report then says so). */
export function pilotIsEmpty(d: Dashboard, f: PilotFigures): boolean {
  return (
    periodIsEmpty(d) &&
    f.visits.total === 0 &&
    f.patrols.done === 0 &&
    f.rechecks.created + f.rechecks.done === 0
  );
}

function coverageSection(f: PilotFigures): ReportSection {
  const keys = f.coverage.filter((c) => KEY_FLAGS.includes(c.flag));
  const short = keys.filter((c) => c.population > 0 && c.covered < c.population);
  return {
    heading: '一、重点对象全覆盖',
    paragraphs: [
      '方案二(一)要求医疗美容机构、中医备案诊所、口腔医疗机构执法检查全覆盖，一般个体诊所及村卫生室差异化监督检查全覆盖。下表“已检查”为期间内至少完成一次现场检查（随机抽查或复查）的在营机构数。',
      short.length === 0
        ? '重点行业期间内均已实现检查全覆盖（无在营机构的类别除外）。'
        : `重点行业尚未全覆盖：${short.map((c) => `${FLAG_NAMES[c.flag]}尚有 ${c.population - c.covered} 家未检查`).join('；')}。`,
    ],
    tables: [
      {
        title: '重点对象检查覆盖',
        columns: ['类别', '要求', '在营机构', '已检查', '覆盖率'],
        rows: f.coverage.map((c) => [
          FLAG_NAMES[c.flag],
          KEY_FLAGS.includes(c.flag) ? '全覆盖' : '差异化全覆盖',
          c.population,
          c.covered,
          pct(c.covered, c.population),
        ]),
      },
    ],
    chart: {
      title: '重点对象检查覆盖率（%）',
      categories: f.coverage.map((c) => FLAG_NAMES[c.flag]),
      series: [
        {
          name: '覆盖率',
          values: f.coverage.map((c) => (c.population ? share(c.covered, c.population) : null)),
          color: '1565C0',
        },
      ],
      percent: true,
    },
  };
}

function cooperationSection(f: PilotFigures): ReportSection {
  const v = f.visits;
  return {
    heading: '二、监管执法全协同',
    paragraphs: [
      `期间内完成现场检查 ${v.total} 次，其中多部门联合检查 ${v.joint} 次（${pct(v.joint, v.total)}），做到“进一次门、查多件事”；复查（回头看）${v.reinspections} 次。`,
      f.campaigns.length ? `期间内开展专项整治 ${f.campaigns.length} 项，见下表。` : '期间内未开展专项整治。',
    ],
    tables: f.campaigns.length
      ? [
          {
            title: '专项整治进度',
            columns: ['专项', '参与部门', '目标（次）', '已完成', '发现问题', '完成率'],
            rows: f.campaigns.map((c) => [
              c.name,
              c.departments.join('、'),
              c.target,
              c.done,
              c.problems,
              pct(c.done, c.target),
            ]),
          },
        ]
      : [],
  };
}

function closedLoopSection(d: Dashboard, f: PilotFigures): ReportSection {
  return {
    heading: '三、监管流程全闭环',
    paragraphs: [
      `风险预警：发出 ${d.warnings.started} 条，处置 ${d.warnings.done} 条，其中按时 ${d.warnings.onTime} 条，逾期未处置 ${d.warnings.overdue} 条。`,
      `投诉举报：收到 ${d.complaints.started} 件，办结 ${d.complaints.done} 件，经查属实 ${d.complaints.substantiated} 件。`,
      `案件办理：立案 ${d.cases.started} 件，作出决定 ${d.cases.done} 件，其中行政处罚 ${d.cases.penalties} 件。`,
      `检查发现问题 ${f.visits.nonCompliant} 家次；网格回头看新建 ${f.rechecks.created} 项、完成 ${f.rechecks.done} 项，逾期未完成 ${f.rechecks.overdue} 项。`,
    ],
    tables: [
      {
        title: '各环节办理时效',
        columns: ['环节', ...TIMELINESS_COLUMNS],
        rows: [
          row('许可审批（准入）', d.approvals.total),
          row('事后核查', d.postApproval),
          row('风险预警', d.warnings),
          row('投诉举报', d.complaints),
          row('案件办理', d.cases),
        ],
      },
    ],
  };
}

function disclosureSection(d: Dashboard, f: PilotFigures): ReportSection {
  return {
    heading: '四、监管结果全公开',
    paragraphs: [
      `行政处罚应公示 ${d.publications.started} 件，已公示 ${d.publications.done} 件，其中按时 ${d.publications.onTime} 件（${pct(d.publications.onTime, d.publications.done)}），逾期未公示 ${d.publications.overdue} 件。`,
      `抽查检查结果已公示 ${f.visits.published} 次（占完成检查 ${pct(f.visits.published, f.visits.total)}），其中按时 ${f.visits.publishedOnTime} 次。`,
    ],
    tables: [],
  };
}

function gridSection(f: PilotFigures): ReportSection {
  const g = f.grids;
  const p = f.patrols;
  return {
    heading: '五、街道层级联合巡查（网格化管理）',
    paragraphs: [
      `方案三(八)要求建立街道层级联合检查（巡查）机制。现有网格 ${g.grids} 个，覆盖街道（乡镇）、村（社区）${g.areas} 个，配备网格人员 ${g.staff} 人（定格、定员、定责）。`,
      `期间内完成巡查 ${p.done} 次，到达监管对象 ${p.establishments} 家，发现问题 ${p.problems} 次，留存照片的巡查 ${p.withPhotos} 次。`,
    ],
    tables: [
      {
        title: '网格巡查',
        columns: ['网格', '覆盖区划', '网格人员', '完成巡查', '发现问题', '到达监管对象'],
        rows: [[g.grids, g.areas, g.staff, p.done, p.problems, p.establishments]],
      },
    ],
  };
}

function differentiatedSection(d: Dashboard, f: PilotFigures): ReportSection {
  return {
    heading: '六、差异化监管',
    paragraphs: [
      `方案三(七)按风险等级采取驻点式、“一码监管”、不良记分、“智慧卫监”非现场、承诺式信用等差异化监管。已安装“智慧卫监”远程监控的在营机构 ${f.remoteMonitored} 家。`,
    ],
    tables: [
      {
        title: '风险与信用等级分布',
        columns: ['等级', '机构数'],
        rows: [
          ...d.credit.byRiskLevel.map((l) => [`风险 ${l.nameZh}`, l.n]),
          ...d.credit.byCreditLevel.map((l) => [`信用 ${l.nameZh}`, l.n]),
        ],
      },
    ],
  };
}

/**
 * 试点工作总结 (seed 002 四(三)): the pilot's six aims — key sectors covered in full, joint
 * enforcement, a closed loop, results made public, street-level patrols, differentiated supervision —
 * each with the figures counted from the records of the period and region.
 */
export function pilotSummaryReport(
  d: Dashboard,
  f: PilotFigures,
  scopeNote: string,
  generatedOn: string,
): ReportDocument {
  const empty = pilotIsEmpty(d, f);
  return {
    kind: 'pilot_summary',
    title: `${d.region.name}医疗服务领域“综合监管一件事”改革试点工作总结`,
    regionName: d.region.name,
    regionCode: d.region.code,
    scopeNote,
    from: d.from,
    to: d.to,
    generatedOn,
    empty,
    emptyNote: `${zhDay(d.from)}至${zhDay(d.to)}，${d.region.name}（${scopeNote}）没有检查、巡查、回头看、许可、投诉举报、风险预警、案件或公示记录，本期试点总结为空报告。`,
    citation: PILOT_CITATION,
    sections: empty
      ? []
      : [
          coverageSection(f),
          cooperationSection(f),
          closedLoopSection(d, f),
          disclosureSection(d, f),
          gridSection(f),
          differentiatedSection(d, f),
        ],
  };
}
