import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  Band,
  Citation,
  CreditLevel,
  RiskLevel,
  RiskPart,
  SupervisionMode,
} from '../../console/credit/creditApi';
import { CREDIT_KEY } from '../../console/credit/creditApi';

/**
 * The institution's own credit view (GET /credit/mine, server modules/credit/own-schemas.ts): the
 * staff profile's facts without staff names or internal notes.
 */
export interface OwnOverride {
  value: string;
  reason: string;
  validUntil: string | null;
}
export interface OwnDemerit {
  points: number;
  actZh: string;
  actEn: string;
  article: Citation;
  occurredOn: string;
  status: 'active' | 'revoked';
  revokedReason: string | null;
}
export interface OwnListing {
  id: number;
  ruleCode: string;
  reason: string;
  basis: Citation;
  flags: { code: string; zh: string; en: string; department: string }[];
  enteredOn: string;
  repairFrom: string;
  endsOn: string;
  repair: {
    canApplyNow: boolean;
    conditions: { code: string; zh: string; en: string }[];
    howZh: string;
    howEn: string;
    citation: Citation;
  };
  repairs: {
    status: 'pending' | 'granted' | 'refused';
    appliedAt: string;
    decidedAt: string | null;
    decisionReason: string | null;
  }[];
}
export interface OwnCredit {
  establishment: { id: number; name: string; publicCode: string | null; kind: string | null };
  computedOn: string;
  creditLevel: {
    level: CreditLevel;
    nameZh: string;
    nameEn: string;
    reasons: { reasonZh: string; reasonEn: string }[];
    override: OwnOverride | null;
    citation: Citation;
  };
  risk: {
    score: number;
    level: RiskLevel;
    nameZh: string;
    parts: RiskPart[];
    cutPoints: { medium: number; high: number; severe: number };
    override: OwnOverride | null;
    citation: Citation;
  } | null;
  mode: {
    mode: SupervisionMode;
    nameZh: string;
    nameEn: string;
    inspectionsPerYear: number;
    reasons: Citation[];
    override: OwnOverride | null;
    citation: Citation;
  } | null;
  demerits: {
    points: number;
    cycleStart: string;
    cycleEnd: string;
    band: Band | null;
    nextBand: Band | null;
    items: OwnDemerit[];
  };
  blacklist: OwnListing[];
  grade: { grade: string; nameZh: string; nameEn: string; total: number; assessedOn: string } | null;
}

export const useOwnCredit = () =>
  useQuery({
    queryKey: [CREDIT_KEY, 'mine'],
    queryFn: ({ signal }) => api.get<OwnCredit>('/credit/mine', undefined, signal),
  });
