import { describe, expect, it } from 'vitest';
import { Calendar } from '../calendar/calendar.js';
import type { DomainError } from '../errors.js';
import {
  checkDecision,
  defenceDueOn,
  defenceSettled,
  type ProposalFacts,
  proposalActions,
} from './blacklist-proposal.js';

const pending: ProposalFacts = {
  action: 'enter',
  status: 'pending',
  proposedBy: 7,
  defenceStatus: 'awaiting',
  defenceDueOn: '2026-06-08',
};

const codeOf = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
  return null;
};

describe('four-eyes blacklist proposals', () => {
  it('never lets the proposer decide, either way', () => {
    expect(
      codeOf(() => checkDecision({ ...pending, defenceStatus: 'waived' }, 'approve', 7, '2026-06-01')),
    ).toBe('four_eyes_required');
    expect(codeOf(() => checkDecision(pending, 'reject', 7, '2026-06-01'))).toBe('four_eyes_required');
    expect(codeOf(() => checkDecision(pending, 'reject', 8, '2026-06-01'))).toBeNull();
  });

  it('approves a listing only once the subject was heard, waived or let the window pass', () => {
    expect(codeOf(() => checkDecision(pending, 'approve', 8, '2026-06-08'))).toBe('defence_period_open');
    expect(codeOf(() => checkDecision(pending, 'approve', 8, '2026-06-09'))).toBeNull();
    expect(defenceSettled({ ...pending, defenceStatus: 'stated' }, '2026-06-01')).toBe(true);
    expect(proposalActions(pending, '2026-06-01')).toEqual(['defend', 'reject']);
    expect(
      proposalActions({ ...pending, action: 'remove', defenceStatus: 'not_required' }, '2026-06-01'),
    ).toEqual(['approve', 'reject']);
  });

  it('refuses a second decision', () => {
    expect(codeOf(() => checkDecision({ ...pending, status: 'approved' }, 'reject', 8, '2026-06-01'))).toBe(
      'invalid_transition',
    );
    expect(proposalActions({ ...pending, status: 'rejected' }, '2026-06-01')).toEqual([]);
  });

  it('counts the defence window in working days (Administrative Penalty Law art. 85)', () => {
    const cal = new Calendar();
    // Friday 2026-06-05 + 5 working days = Friday 2026-06-12 (no holiday in between).
    expect(defenceDueOn(cal, '2026-06-05')).toBe('2026-06-12');
  });
});
