import { EVALUATION_REPORT_CITATION, evaluationReportDue, REFORM_MODE_NAMES } from '@weijian/domain';
import type { Dashboard } from '../dashboard.js';
import { sumRows, type TimelinessRow } from '../deadlines.js';
import { pct, type ReportDocument, share, zhDay } from './model.js';
import { periodIsEmpty } from './monthly.js';

const MODES = (['filing', 'commitment', 'approval'] as const).map(
  (m) => [m, REFORM_MODE_NAMES[m].zh] as const,
);

/**
 * 年度改革评估报告 (seed 000 附件1 十二, due 15 November): applications per reform mode, decisions
 * against their time limits (the licensing module's on-time flags), commitments verified and found
 * false, and the supervision after approval (checks, complaints, cases, coverage).
 */
export function reformEvaluationReport(
  d: Dashboard,
  byMode: TimelinessRow[],
  scopeNote: string,
  generatedOn: string,
): ReportDocument {
  const year = Number(d.from.slice(0, 4));
  const mode = (m: string) => sumRows(byMode, 'licensing_decision', m);
  const tasks = (kind: string) => sumRows(byMode, 'licensing_task', kind);
  const verification = tasks('commitment');
  const filingChecks = tasks('filing');
  const modes = MODES.map(([code, name]) => ({ name, t: mode(code) }));
  const empty = periodIsEmpty(d);
  return {
    kind: 'reform_evaluation',
    title: `${d.region.name}${year}年度“证照分离”改革评估报告`,
    regionName: d.region.name,
    regionCode: d.region.code,
    scopeNote,
    from: d.from,
    to: d.to,
    generatedOn,
    empty,
    emptyNote: `${zhDay(d.from)}至${zhDay(d.to)}，${d.region.name}（${scopeNote}）没有许可申请、核查或事中事后监管记录，本年度为空报告。`,
    citation: `${EVALUATION_REPORT_CITATION.zh}（报送期限 ${zhDay(evaluationReportDue(year))}）`,
    sections: empty
      ? []
      : [
          {
            heading: '一、按改革方式的办理情况',
            paragraphs: modes.map(
              (m) =>
                `${m.name}：受理 ${m.t.started} 件，办结 ${m.t.done} 件，其中在期限内办结 ${m.t.onTime} 件（${pct(m.t.onTime, m.t.done)}），超期 ${m.t.late} 件，在办逾期 ${m.t.overdue} 件。`,
            ),
            tables: [
              {
                title: '按改革方式',
                columns: ['改革方式', '受理', '办结', '期限内办结', '超期办结', '按时率', '在办', '在办逾期'],
                rows: modes.map((m) => [
                  m.name,
                  m.t.started,
                  m.t.done,
                  m.t.onTime,
                  m.t.late,
                  pct(m.t.onTime, m.t.done),
                  m.t.open,
                  m.t.overdue,
                ]),
              },
            ],
            chart: {
              title: '按改革方式的办结情况（件）',
              categories: modes.map((m) => m.name),
              series: [
                { name: '期限内办结', values: modes.map((m) => m.t.onTime), color: '2E7D32' },
                { name: '超期办结', values: modes.map((m) => m.t.late), color: 'FA8C16' },
              ],
            },
          },
          {
            heading: '二、告知承诺核查与备案后核查',
            paragraphs: [
              `告知承诺核查：完成 ${verification.done} 件，其中发现承诺不实 ${verification.substantiated} 件（${pct(verification.substantiated, verification.done)}），逾期未核查 ${verification.overdue} 件。`,
              `备案后核查：完成 ${filingChecks.done} 件，发现问题 ${filingChecks.substantiated} 件，逾期未核查 ${filingChecks.overdue} 件。`,
            ],
            tables: [
              {
                title: '事后核查',
                columns: ['核查类型', '应核查', '已核查', '按时核查', '承诺不实/发现问题', '逾期未核查'],
                rows: [
                  [
                    '告知承诺核查',
                    verification.started,
                    verification.done,
                    verification.onTime,
                    verification.substantiated,
                    verification.overdue,
                  ],
                  [
                    '备案后核查',
                    filingChecks.started,
                    filingChecks.done,
                    filingChecks.onTime,
                    filingChecks.substantiated,
                    filingChecks.overdue,
                  ],
                ],
              },
            ],
          },
          {
            heading: '三、事中事后监管',
            paragraphs: [
              `“双随机、一公开”抽查覆盖 ${d.coverage.covered}/${d.coverage.population} 家（${pct(d.coverage.covered, d.coverage.population)}，年度目标 ${pct(d.coverage.target, 1)}）。`,
              `投诉举报收到 ${d.complaints.started} 件，按时办结 ${d.complaints.onTime} 件；立案 ${d.cases.started} 件，行政处罚 ${d.cases.penalties} 件；处罚决定按时公示 ${d.publications.onTime}/${d.publications.done} 件。`,
            ],
            tables: [
              {
                title: '事中事后监管',
                columns: ['指标', '数值'],
                rows: [
                  ['抽查覆盖率（%）', share(d.coverage.covered, d.coverage.population)],
                  ['投诉举报收到', d.complaints.started],
                  ['投诉举报按时办结', d.complaints.onTime],
                  ['立案', d.cases.started],
                  ['行政处罚', d.cases.penalties],
                  ['处罚按时公示', d.publications.onTime],
                ],
              },
            ],
          },
        ],
  };
}
