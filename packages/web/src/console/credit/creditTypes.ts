/** The shapes of the credit API (packages/server/src/modules/credit/schemas.ts), for the pages. */
export type CreditLevel = 'A' | 'B' | 'C' | 'D';
export type RiskLevel = 'low' | 'medium' | 'high' | 'severe';
export type SupervisionMode = 'stationed' | 'code' | 'demerit' | 'remote' | 'commitment' | 'graded';
export type SubjectType = 'establishment' | 'practitioner';
export interface Citation {
  zh: string;
  en: string;
}
export interface Source {
  module: string;
  type: string;
  id: string;
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ProfileSummary {
  establishmentId: number;
  name: string;
  regionCode: string;
  regionName: string;
  kind: string | null;
  flags: string[];
  creditLevel: CreditLevel;
  riskScore: number | null;
  riskLevel: RiskLevel | null;
  mode: SupervisionMode | null;
  inspectionsPerYear: number | null;
  demeritPoints: number;
  blacklisted: boolean;
  grade: string | null;
  overridden: boolean;
  computedOn: string;
}
export interface ProfileQuery {
  q?: string;
  region?: string;
  creditLevel?: CreditLevel;
  riskLevel?: RiskLevel;
  mode?: SupervisionMode;
  blacklisted?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export interface RiskReason {
  code: string;
  points: number;
  zh: string;
  en: string;
  occurredOn?: string;
}
export interface RiskPart {
  code: string;
  nameZh: string;
  nameEn: string;
  points: number;
  cap: number;
  reasons: RiskReason[];
}
export interface Override {
  id: number;
  target: 'mode' | 'risk_level' | 'credit_level';
  value: string;
  inspectionsPerYear: number | null;
  reason: string;
  validUntil: string | null;
  createdAt: string;
  createdBy: string;
}
export interface Band {
  minPoints: number;
  labelZh: string;
  labelEn: string;
  consequences: { code: string; zh: string; en: string }[];
}
export interface CreditProfile {
  subject: {
    type: SubjectType;
    id: number;
    name: string;
    establishmentId: number;
    regionCode: string;
    publicCode: string | null;
    kind: string | null;
    flags: string[];
  };
  computedOn: string;
  computedAt: string;
  creditLevel: {
    level: CreditLevel;
    computed: CreditLevel;
    nameZh: string;
    nameEn: string;
    reasons: { metric: string; count: number; reasonZh: string; reasonEn: string }[];
    override: Override | null;
    citation: Citation;
  };
  risk: {
    score: number;
    level: RiskLevel;
    computed: RiskLevel;
    nameZh: string;
    parts: RiskPart[];
    cutPoints: { medium: number; high: number; severe: number };
    override: Override | null;
    citation: Citation;
  } | null;
  mode: {
    mode: SupervisionMode;
    computed: SupervisionMode;
    nameZh: string;
    nameEn: string;
    applicable: SupervisionMode[];
    inspectionsPerYear: number;
    reasons: Citation[];
    citation: Citation;
    override: Override | null;
  } | null;
  demerits: {
    points: number;
    cycleStart: string;
    cycleEnd: string;
    band: Band | null;
    nextBand: Band | null;
  };
  blacklist: BlacklistEntry[];
  grade: { grade: string; nameZh: string; nameEn: string; total: number; assessedOn: string } | null;
  ruleVersions: Record<string, number>;
}

export interface CreditEntry {
  id: number;
  kind: string;
  kindNameZh: string;
  kindNameEn: string;
  polarity: 'positive' | 'negative' | 'neutral';
  severity: 'minor' | 'general' | 'serious' | null;
  occurredOn: string;
  summaryZh: string;
  summaryEn: string;
  citation: Citation;
  source: Source;
  status: 'active' | 'withdrawn';
  statusReason: string | null;
  recordedAt: string;
  recordedBy: string | null;
}
export interface Demerit {
  id: number;
  behaviourCode: string | null;
  points: number;
  actZh: string;
  actEn: string;
  article: Citation;
  occurredOn: string;
  source: Source;
  note: string;
  status: 'active' | 'revoked';
  revokedReason: string | null;
  recordedBy: string;
}
export interface DemeritList {
  points: number;
  cycleStart: string;
  cycleEnd: string;
  band: Band | null;
  nextBand: Band | null;
  items: Demerit[];
}

export interface RepairApplication {
  id: number;
  statement: string;
  conditions: { code: string; met: boolean; evidence: string }[];
  status: 'pending' | 'granted' | 'refused';
  appliedAt: string;
  appliedBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
}
export interface BlacklistEntry {
  id: number;
  subjectType: SubjectType;
  subjectId: number;
  establishmentId: number;
  name: string;
  regionCode: string;
  ruleCode: string;
  reason: string;
  basis: Citation;
  flags: { code: string; zh: string; en: string; department: string }[];
  source: Source;
  enteredOn: string;
  repairFrom: string;
  endsOn: string;
  status: 'listed' | 'exited';
  exitedOn: string | null;
  exitKind: 'repair' | 'expiry' | 'withdrawn' | null;
  exitReason: string | null;
  repairs: RepairApplication[];
}
export interface ManualListing {
  subjectType: SubjectType;
  subjectId: number;
  ruleCode: string;
  reason: string;
  source: { module: 'enforcement' | 'licensing' | 'inspection'; type: string; id: string };
}

export type AlertState = string;
export type AlertAction = 'assign' | 'check' | 'dispose';
export type Disposition = 'closed' | 'rectification_ordered' | 'lead';
export interface CreditAlert {
  id: number;
  establishmentId: number;
  establishmentName: string | null;
  regionCode: string;
  ruleCode: string;
  ruleNameZh: string;
  ruleNameEn: string;
  severity: 'high' | 'medium' | 'low';
  summaryZh: string;
  summaryEn: string;
  citation: Citation;
  status: AlertState;
  assignee: { id: number; username: string } | null;
  checkFindings: string | null;
  confirmed: boolean | null;
  disposition: Disposition | null;
  dispositionNote: string | null;
  raisedAt: string;
  raisedOn: string;
  dueOn: string;
  overdue: boolean;
  escalationLevel: number;
  nextEscalationOn: string | null;
  handledAt: string | null;
  version: number;
  allowedActions: AlertAction[];
  history?: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    note: string;
    at: string;
    by: string;
  }[];
}
export interface AlertQuery {
  status?: string;
  overdue?: 'true';
  escalated?: 'true';
  mine?: 'true';
  page: number;
  pageSize: number;
}
export type AlertActionInput =
  | { action: 'assign'; assigneeUserId: number; note?: string; expectedVersion: number }
  | { action: 'check'; confirmed: boolean; findings: string; expectedVersion: number }
  | { action: 'dispose'; disposition: Disposition; note: string; expectedVersion: number };

export interface MonitoringBatch {
  id: number;
  clientBatchId: string;
  establishmentId: number | null;
  status: 'accepted' | 'rejected';
  duplicate: boolean;
  receivedAt: string;
  receivedBy: string;
  readings: number;
  flagged: number;
  summaries: number;
  purchases: number;
  flaggedReadings: { index: number; metric: string; value: number; unit: string; limit: string | null }[];
  alerts: number[];
  errors: { path: string; code: string; messageZh: string; messageEn: string }[];
}
export interface Metric {
  code: string;
  context: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  units: string[];
  physical: { min: number; max: number };
  limit: { min?: number; max?: number } | null;
  citation: Citation;
}
export interface Reading {
  metric: string;
  value: number;
  unit: string;
  measuredAt: string;
  point?: string;
}
export interface BatchInput {
  batchId: string;
  establishmentCode: string;
  readings: Reading[];
}

export interface RuleSet {
  section: string;
  nameZh: string;
  nameEn: string;
  version: number;
  values: unknown;
  note: string;
  effectiveFrom: string | null;
  createdAt: string;
  createdBy: string | null;
}

/** Four-eyes blacklisting: a proposal to list or remove, its notice, the defence and the decision. */
export interface BlacklistProposal {
  id: number;
  action: 'enter' | 'remove';
  subjectType: SubjectType;
  subjectId: number;
  establishmentId: number;
  name: string;
  ruleCode: string | null;
  ruleName: Citation | null;
  basis: Citation | null;
  blacklistId: number | null;
  reason: string;
  source: Source | null;
  notice: Citation | null;
  noticedOn: string | null;
  defenceDueOn: string | null;
  defenceStatus: 'awaiting' | 'stated' | 'waived' | 'not_required';
  defenceStatement: string | null;
  defenceAt: string | null;
  defenceBy: string | null;
  status: 'pending' | 'approved' | 'rejected';
  proposedAt: string;
  proposedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  allowedActions: ('defend' | 'approve' | 'reject')[];
  citation: Citation;
}

export interface Grading {
  id: number;
  sector: 'medical_beauty' | 'dental';
  ruleVersion: number;
  scores: { itemCode: string; score: number; note?: string }[];
  total: number;
  grade: 'A' | 'B' | 'C' | 'D';
  gradeByTotal: 'A' | 'B' | 'C' | 'D';
  cappedBy: string[];
  assessedOn: string;
  note: string;
  recordedAt: string;
  recordedBy: string;
}
/** The grading section of the rules (packages/domain credit/grading.ts). */
export interface GradingRules {
  checklists: {
    sector: 'medical_beauty' | 'dental';
    titleZh: string;
    items: {
      code: string;
      whatZh: string;
      whatEn: string;
      maxScore: number;
      key: boolean;
      basis: Citation;
    }[];
  }[];
  bands: { A: number; B: number; C: number };
  keyItemCap: 'A' | 'B' | 'C' | 'D';
  citation: Citation;
}
/** A behaviour of the demerit catalogue (the demerits section of the rules). */
export interface DemeritBehaviour {
  code: string;
  subject: SubjectType;
  points: number;
  actZh: string;
  actEn: string;
  article: Citation;
}
