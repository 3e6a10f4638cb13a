import { maskIdNumber, maskPersonName, maskPhone } from '../masking/mask.js';
import type { PartyKind } from './penalties.js';

/**
 * Masking of a penalty before it is published (standards-and-data.md §5): for a natural person the
 * name keeps the surname and the ID number is not shown; the names of other persons (patients,
 * witnesses) are masked wherever they appear; ID numbers, phone numbers and bank accounts in free
 * text are masked; an organisation's name and credit code stay public. The rule applied to each field
 * is recorded with the publication.
 */
export interface MaskingRule {
  field: string;
  ruleZh: string;
  ruleEn: string;
}

const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const BANK_ACCOUNT = /(?<!\d)\d{16,19}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;

/** Free text with personal data masked: ID numbers, phones, bank accounts and the given names. */
export function redactText(text: string, personNames: readonly string[] = []): string {
  let out = text
    .replace(ID_NUMBER, (m) => maskIdNumber(m.toUpperCase()))
    .replace(MOBILE, (m) => maskPhone(m))
    .replace(LANDLINE, (m) => maskPhone(m))
    .replace(BANK_ACCOUNT, (m) => `${m.slice(0, 4)}${'*'.repeat(m.length - 8)}${m.slice(-4)}`);
  const names = [...new Set(personNames.map((n) => n.trim()).filter((n) => n.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  for (const name of names) out = out.split(name).join(maskPersonName(name));
  return out;
}

export interface PublishedParty {
  name: string;
  kindZh: string;
  creditCode: string | null;
  legalRepresentative: string | null;
}

const PARTY_KIND_ZH: Record<PartyKind, string> = {
  organisation: '法人及非法人组织',
  individual_business: '个体工商户',
  person: '自然人',
};

/** How the party appears in a publication, and the rules applied. */
export function publishedParty(p: {
  kind: PartyKind;
  name: string;
  creditCode: string | null;
  legalRepresentative: string | null;
}): { party: PublishedParty; rules: MaskingRule[] } {
  if (p.kind === 'person') {
    return {
      party: {
        name: maskPersonName(p.name),
        kindZh: PARTY_KIND_ZH.person,
        creditCode: null,
        legalRepresentative: null,
      },
      rules: [
        {
          field: 'party.name',
          ruleZh: '自然人姓名保留姓氏，其余以*代替',
          ruleEn: 'Natural person: surname kept, the rest masked',
        },
        {
          field: 'party.idNumber',
          ruleZh: '自然人证件号码不公示',
          ruleEn: 'Natural person: ID number not shown',
        },
      ],
    };
  }
  return {
    party: {
      name: p.name,
      kindZh: PARTY_KIND_ZH[p.kind],
      creditCode: p.creditCode,
      legalRepresentative:
        p.kind === 'individual_business' && p.legalRepresentative
          ? maskPersonName(p.legalRepresentative)
          : p.legalRepresentative,
    },
    rules:
      p.kind === 'individual_business'
        ? [
            {
              field: 'party.legalRepresentative',
              ruleZh: '个体工商户经营者姓名保留姓氏',
              ruleEn: 'Individual business: operator’s surname kept',
            },
          ]
        : [],
  };
}

export const TEXT_MASKING_RULES: readonly MaskingRule[] = [
  {
    field: 'facts',
    ruleZh: '违法事实中的身份证号、电话、银行账号及患者等其他自然人姓名已屏蔽',
    ruleEn: 'ID numbers, phones, bank accounts and names of other persons (patients) masked in the facts',
  },
];
