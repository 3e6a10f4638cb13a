import { describe, expect, it } from 'vitest';
import { DATASET_IDS, DATASETS } from './datasets.js';
import { dataDictionary, disclose, discloseAll, toCsv } from './disclose.js';
import { publicSupervisionMode } from './supervision-mode.js';

const penalty = {
  decisionNo: '历城卫罚〔2026〕1号',
  partyKind: 'person',
  partyName: '王小明',
  creditCode: null,
  legalRepresentative: null,
  facts: '王小明（身份证370112199001011234，电话13812345678）为患者刘病人非法行医。',
  decidedOn: '2026-01-10',
  publishedOn: '2026-01-15',
  displayUntil: '2027-01-10',
  withdrawnOn: null,
  status: 'published',
  internalNote: '内部意见：当事人住址历城区某路1号',
};

describe('disclosure: one gate for periods and masking', () => {
  it('masks a natural person party, ID numbers, phones and named patients, and drops undeclared fields', () => {
    const d = disclose('penalties', penalty, '2026-03-01', { personNames: ['刘病人', '王小明'] })!;
    expect(d.partyName).toBe('王**');
    expect(d.facts).toBe('王**（身份证370112********1234，电话138****5678）为患者刘**非法行医。');
    expect(d).not.toHaveProperty('internalNote');
    expect(JSON.stringify(d)).not.toMatch(/王小明|刘病人|13812345678|199001011234/);
  });

  it('keeps an organisation party public', () => {
    const d = disclose(
      'penalties',
      { ...penalty, partyKind: 'organisation', partyName: '康宁诊所' },
      '2026-03-01',
    );
    expect(d?.partyName).toBe('康宁诊所');
  });

  it('shows a penalty only inside its period, and never once withdrawn', () => {
    expect(disclose('penalties', penalty, '2026-01-14')).toBeNull();
    expect(disclose('penalties', penalty, '2026-01-15')).not.toBeNull();
    expect(disclose('penalties', penalty, '2027-01-09')).not.toBeNull();
    expect(disclose('penalties', penalty, '2027-01-10')).toBeNull();
    expect(disclose('penalties', { ...penalty, withdrawnOn: '2026-02-01' }, '2026-03-01')).toBeNull();
    expect(disclose('penalties', { ...penalty, status: 'withdrawn' }, '2026-03-01')).toBeNull();
  });

  it('shows a revoked licence for three years from the decision', () => {
    const r = { number: 'X1', status: 'revoked', statusChangedOn: '2026-02-01', reason: '吊销' };
    expect(disclose('revoked_licences', r, '2026-01-31')).toBeNull();
    expect(disclose('revoked_licences', r, '2029-01-31')).not.toBeNull();
    expect(disclose('revoked_licences', r, '2029-02-01')).toBeNull();
    expect(disclose('revoked_licences', { ...r, status: 'valid' }, '2026-03-01')).toBeNull();
  });

  it('shows a blacklist entry while listed and marked, until it ends', () => {
    const b = { name: 'A', listed: true, marked: true, endsOn: '2027-01-01' };
    expect(
      discloseAll('blacklist', [b, { ...b, marked: false }, { ...b, listed: false }], '2026-06-01'),
    ).toHaveLength(1);
    expect(disclose('blacklist', b, '2027-01-01')).toBeNull();
  });

  it('masks the legal representative of an establishment and scrubs a mobile typed into the address', () => {
    const d = disclose(
      'establishments',
      {
        name: '诊所',
        legalRepresentative: '欧阳娜娜',
        address: '某路1号 联系13912345678',
        status: 'operating',
      },
      '2026-03-01',
    )!;
    expect(d.legalRepresentative).toBe('欧***');
    expect(d.address).toBe('某路1号 联系139****5678');
    expect(disclose('establishments', { name: 'x', status: 'deregistered' }, '2026-03-01')?.status).toBe(
      'deregistered',
    );
  });

  it('writes CSV in dictionary order, quoting and neutralising formulas', () => {
    const csv = toCsv('blacklist', [
      { establishmentCode: 'C', name: '=HYPERLINK("x")', reason: 'a,b', enteredOn: null, endsOn: null },
    ]);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFestablishmentCode,name,reason,enteredOn,endsOn');
    expect(csv.split('\r\n')[1]).toBe(`C,"'=HYPERLINK(""x"")","a,b",,`);
  });

  it('gives every data set a dictionary with a citation for its period', () => {
    for (const id of DATASET_IDS) {
      const d = dataDictionary(id);
      expect(d.fields.length).toBe(DATASETS[id].fields.length);
      expect(d.citations.length).toBeGreaterThan(0);
      expect(d.periodZh.length).toBeGreaterThan(0);
    }
  });

  it('publishes the supervision modes policy makes public, and withholds stationed and remote supervision', () => {
    expect(publicSupervisionMode('code')?.label).toBe('一码监管');
    expect(publicSupervisionMode('graded')?.labelEn).toBe('Quantitative grading');
    expect(publicSupervisionMode('stationed')).toBeNull();
    expect(publicSupervisionMode('remote')).toBeNull();
    expect(publicSupervisionMode(null)).toBeNull();
    const row = {
      establishmentCode: 'C',
      name: 'A',
      mode: 'demerit',
      modeName: '不良记分监管',
      riskLevel: 'high',
    };
    expect(disclose('supervision_modes', row, '2026-03-01')).toEqual({
      establishmentCode: 'C',
      name: 'A',
      mode: 'demerit',
      modeName: '不良记分监管',
      modeNameEn: null,
    });
    expect(disclose('supervision_modes', { ...row, mode: 'stationed' }, '2026-03-01')).toBeNull();
  });
});
