import { DomainError } from '@weijian/domain';

/** Refusals shared by the account actions (disable, enable, resets, unlock). */
export const notOnYourself = (zh: string, en: string) => new DomainError('not_on_yourself', zh, en);

export const invalidTransition = (zh: string, en: string) => new DomainError('invalid_transition', zh, en);
