import { describe, expect, it } from 'vitest';
import { readingsFromCsv } from './csv';

describe('readings from a CSV file', () => {
  it('reads columns by name in any order, with Excel’s BOM, quotes and CRLF', () => {
    const text =
      '\uFEFFunit,metric,"value",measuredAt,point\r\nmg/L,free_chlorine,0.02,2026-11-20T09:00:00+08:00,出厂水\r\n\r\nmg/L,free_chlorine,0.4,2026-11-20T10:00:00+08:00,\r\n';
    expect(readingsFromCsv(text)).toEqual({
      readings: [
        {
          metric: 'free_chlorine',
          value: 0.02,
          unit: 'mg/L',
          measuredAt: '2026-11-20T09:00:00+08:00',
          point: '出厂水',
        },
        { metric: 'free_chlorine', value: 0.4, unit: 'mg/L', measuredAt: '2026-11-20T10:00:00+08:00' },
      ],
      problems: [],
    });
  });

  it('names a missing column and a value that is not a number, by line', () => {
    expect(readingsFromCsv('metric,value,unit\nx,1,mg/L').problems).toEqual([
      { line: 1, message: 'missing columns: measuredAt' },
    ]);
    const r = readingsFromCsv(
      'metric,value,unit,measuredAt\nx,1,mg/L,2026-11-20T09:00:00Z\nx,abc,mg/L,2026-11-20T09:00:00Z\nx,,mg/L,t',
    );
    expect(r.readings).toHaveLength(1);
    expect(r.problems.map((p) => p.line)).toEqual([3, 4]);
  });
});
