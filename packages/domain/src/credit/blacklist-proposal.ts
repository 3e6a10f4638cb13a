import type { Calendar, Citation } from '../calendar/calendar.js';
import { DomainError } from '../errors.js';

/**
 * 黑名单列入/移出的审核 (four-eyes): a listing on, or a removal from, the blacklist is proposed by one
 * officer and decided by a different officer holding the approval permission; before a listing is
 * approved the subject is told the facts, grounds and its rights and may state a defence.
 *
 * Sources. Seed 001 四(三) asks for a blacklist system (建立健全卫生健康黑名单制度) but does not set
 * its procedure, nor do the other seeds or /shared/reference; the procedure here follows the
 * national rule for 严重违法失信名单 as reported in public summaries (the text itself was not in the
 * reference set, article numbers to be checked):
 *  - 《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号，2021）: before a listing
 *    decision the party is told the grounds, the basis and its rights (告知, 陈述、申辩); a county or
 *    city authority's listing decision needs the approval of the level above. Weijian applies the
 *    approval as a second officer with the approval permission (a Weijian default, narrower than
 *    the order's "level above").
 *  - 《中华人民共和国行政处罚法》（2021）第四十四、四十五条 (the party's right to state and defend) and
 *    第八十五条 ("五日" counts working days): the default defence window is 5 working days.
 */
export const PROPOSAL_CITATIONS = {
  fourEyes: {
    zh: '《市场监督管理严重违法失信名单管理办法》（总局令第44号）：县级、设区的市级部门作出列入决定应报经上一级部门同意；Weijian 默认为须由提议人以外、具有审核权限的人员批准（条文序号待核）；连开委办〔2020〕107号 四(三)：建立健全卫生健康黑名单制度',
    en: 'SAMR Order No. 44 (2021) on the list of serious dishonesty: a county or city listing decision needs approval from the level above; Weijian default: approval by an officer other than the proposer holding the approval permission (article to be checked); Lianyungang 2020 No. 107 IV(3): a health blacklist system',
  },
  notice: {
    zh: '《市场监督管理严重违法失信名单管理办法》（总局令第44号）：作出列入决定前应当告知当事人作出决定的事由、依据和当事人依法享有的权利；《行政处罚法》第四十四、四十五条：当事人有权陈述、申辩；第八十五条：“五日”指工作日',
    en: 'SAMR Order No. 44 (2021): before a listing decision the party is told the grounds, the basis and its rights; Administrative Penalty Law arts. 44–45: the right to state and defend; art. 85: "five days" are working days',
  },
} as const satisfies Record<string, Citation>;

/** Default days the subject has to state a defence after the notice (working days, see above). */
export const DEFENCE_WORKING_DAYS = 5;

export type ProposalAction = 'enter' | 'remove';
export type ProposalStatus = 'pending' | 'approved' | 'rejected';
/** Whether the subject was heard: `not_required` for removals (they favour the subject). */
export type DefenceStatus = 'awaiting' | 'stated' | 'waived' | 'not_required';

export interface ProposalFacts {
  action: ProposalAction;
  status: ProposalStatus;
  proposedBy: number | null;
  defenceStatus: DefenceStatus;
  defenceDueOn: string | null;
}

/** The day the defence window closes: `days` working days after the notice day. */
export function defenceDueOn(calendar: Calendar, noticeOn: string, days = DEFENCE_WORKING_DAYS): string {
  return calendar.addWorkingDays(noticeOn, days).date;
}

/** What may still be done with a proposal (by anyone; the four-eyes check is in `checkDecision`). */
export function proposalActions(p: ProposalFacts, today: string): ('defend' | 'approve' | 'reject')[] {
  if (p.status !== 'pending') return [];
  const out: ('defend' | 'approve' | 'reject')[] = [];
  if (p.action === 'enter' && p.defenceStatus === 'awaiting') out.push('defend');
  if (defenceSettled(p, today)) out.push('approve');
  out.push('reject');
  return out;
}

/** The subject was heard, waived its right, or the window closed without a statement. */
export function defenceSettled(p: ProposalFacts, today: string): boolean {
  if (p.defenceStatus !== 'awaiting') return true;
  return p.defenceDueOn !== null && today > p.defenceDueOn;
}

/**
 * Guards a decision: pending only; never by the proposer (four-eyes, both for approval and for
 * rejection, so one officer cannot bury a colleague's proposal); an approval of a listing waits
 * for the defence (stated, waived or the window closed). Throws a DomainError with zh/en text.
 */
export function checkDecision(
  p: ProposalFacts,
  decision: 'approve' | 'reject',
  deciderUserId: number,
  today: string,
): void {
  if (p.status !== 'pending') {
    throw new DomainError('invalid_transition', '该提议已处理', 'The proposal was already decided', {
      allowedActions: [],
    });
  }
  if (p.proposedBy !== null && p.proposedBy === deciderUserId) {
    throw new DomainError(
      'four_eyes_required',
      '提议人不能审核自己的提议：须由另一名具有审核权限的人员批准或驳回',
      'You cannot decide your own proposal: another officer with the approval permission must approve or reject it',
      { citation: PROPOSAL_CITATIONS.fourEyes },
    );
  }
  if (decision === 'approve' && !defenceSettled(p, today)) {
    throw new DomainError(
      'defence_period_open',
      `当事人陈述申辩期至 ${p.defenceDueOn} 届满，期满或收到陈述申辩（或当事人放弃）后方可批准列入`,
      `The subject may state a defence until ${p.defenceDueOn}; approve once it has been heard, has waived, or the period has closed`,
      {
        defenceDueOn: p.defenceDueOn,
        allowedActions: proposalActions(p, today),
        citation: PROPOSAL_CITATIONS.notice,
      },
    );
  }
}

/** The notice (告知书) text sent to the subject: facts, grounds, basis, rights and the deadline. */
export function listingNotice(n: {
  name: string;
  reason: string;
  ruleNameZh: string;
  ruleNameEn: string;
  basis: Citation;
  dueOn: string;
}): Citation {
  return {
    zh: `${n.name}：本机关拟将你（单位）列入严重失信主体名单（黑名单）。事由：${n.reason}；列入情形：${n.ruleNameZh}；依据：${n.basis.zh}。你（单位）依法享有陈述、申辩的权利，可于 ${n.dueOn} 前提出；逾期未提出的，视为放弃。`,
    en: `${n.name}: we propose to list you on the blacklist (serious dishonesty). Grounds: ${n.reason}; rule: ${n.ruleNameEn}; basis: ${n.basis.en}. You may state your case and defence until ${n.dueOn}; after that the right is deemed waived.`,
  };
}
