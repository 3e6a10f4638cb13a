import { DomainError } from '../errors.js';

/**
 * The campaign workflow as a declared state table, shared by the server and the web app:
 *   draft ──approve──▶ approved ──freeze──▶ frozen ──draw──▶ drawn
 *     └─edit─┘            (plan and commitment    (pool, roster,     (targets and teams;
 *                          published)              exclusions hashed)  once only)
 * Any state before the draw may be cancelled. Nothing is edited after approval: the published plan
 * and commitment are what the draw is checked against.
 */
export const CAMPAIGN_STATUSES = ['draft', 'approved', 'frozen', 'drawn', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_ACTIONS = ['edit', 'approve', 'freeze', 'draw', 'cancel'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

export const CAMPAIGN_STATUS_NAMES: Readonly<Record<CampaignStatus, string>> = {
  draft: '草稿',
  approved: '已批准并公布',
  frozen: '名录已封存',
  drawn: '已抽取',
  cancelled: '已撤销',
};

const TRANSITIONS: Readonly<Record<CampaignStatus, Partial<Record<CampaignAction, CampaignStatus>>>> = {
  draft: { edit: 'draft', approve: 'approved', cancel: 'cancelled' },
  approved: { freeze: 'frozen', cancel: 'cancelled' },
  frozen: { draw: 'drawn', cancel: 'cancelled' },
  drawn: {},
  cancelled: {},
};

export function availableCampaignActions(status: CampaignStatus): CampaignAction[] {
  return CAMPAIGN_ACTIONS.filter((a) => TRANSITIONS[status][a] !== undefined);
}

/** The next status, or a refusal listing what the campaign's status allows. */
export function campaignTransition(status: CampaignStatus, action: CampaignAction): CampaignStatus {
  const next = TRANSITIONS[status][action];
  if (next) return next;
  const allowed = availableCampaignActions(status);
  if (action === 'draw' && status === 'drawn') {
    throw new DomainError(
      'already_drawn',
      '该抽查计划已经抽取过：每个计划只抽取一次',
      'This campaign has already been drawn: a draw happens once',
      { status, action, allowed },
    );
  }
  if (action === 'edit' && status !== 'cancelled') {
    throw new DomainError(
      'campaign_locked',
      `抽查计划已${CAMPAIGN_STATUS_NAMES[status]}，不能再修改`,
      `The campaign is ${status} and can no longer be edited`,
      { status, action, allowed },
    );
  }
  throw new DomainError(
    'invalid_transition',
    `抽查计划当前状态为“${CAMPAIGN_STATUS_NAMES[status]}”，不能执行该操作`,
    `A campaign in status ${status} does not allow ${action}`,
    { status, action, allowed },
  );
}
