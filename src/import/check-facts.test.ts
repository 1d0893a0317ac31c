import { describe, expect, it } from 'vitest';
import { checkFacts, rateAgrees, writtenDecimals } from './check-facts.ts';
import type { Fact } from './fact.ts';

describe('rateAgrees', () => {
  it.each<[reported: number, decimals: number, numerator: number, denominator: number, agrees: boolean]>([
    [97, 0, 92, 94, true],
    [98, 0, 92, 94, true],
    [90, 0, 92, 94, false],
    [97.8, 1, 92, 94, true],
    [97.9, 1, 92, 94, true],
    [97.87, 2, 92, 94, true],
    [97.88, 2, 92, 94, false],
    [97, 2, 92, 94, false],
    [99.14, 2, 694, 700, true],
    [99.1, 1, 694, 700, true],
    [99.2, 1, 694, 700, false],
    [99, 0, 694, 700, true],
    [100, 0, 93, 93, true],
    [100, 0, 92, 93, false],
    [99, 0, 92, 93, true],
    [29, 0, 29, 100, true],
    [57, 0, 57, 100, true],
    [66.6, 1, 2, 3, true],
    [66.7, 1, 2, 3, true],
    [66.8, 1, 2, 3, false],
    [33.33, 2, 1, 3, true],
    [0, 0, 0, 5, true],
    [50, 0, 0.5, 1, true],
  ])(
    'C4 reported %d at %d decimals for %d/%d agrees: %s',
    (reported, decimals, numerator, denominator, agrees) => {
      expect(rateAgrees(reported, decimals, numerator, denominator)).toBe(agrees);
    },
  );

  it.each<[raw: string, decimals: number]>([
    ['97%', 0],
    ['99.14%', 2],
    ['９７．５％', 1],
    ['达99.1%', 1],
    ['100', 0],
  ])('C4 %j is written with %d decimals', (raw, decimals) => {
    expect(writtenDecimals(raw)).toBe(decimals);
  });
});

let nextLine = 1;
function at(indicatorId: string, rawText: string, value: number, more: Partial<Fact> = {}): Fact {
  return {
    townshipCode: '500152104',
    year: 2021,
    indicatorId,
    value,
    approximate: false,
    rawText,
    note: null,
    line: nextLine++,
    column: 'D',
    ...more,
  };
}

describe('checkFacts', () => {
  it.each<[title: string, facts: Fact[], expected: [code: string, raw: string, detail: string][]]>([
    [
      'successes above cases',
      [at('disputes_mediated', '94', 94), at('disputes_resolved', '95', 95)],
      [['successes-exceed-cases', '95', '94']],
    ],
    ['successes equal to cases', [at('disputes_mediated', '94', 94), at('disputes_resolved', '94', 94)], []],
    [
      'approximate successes above exact cases',
      [at('disputes_mediated', '90', 90), at('disputes_resolved', '100余', 100, { approximate: true })],
      [['successes-exceed-cases', '100余', '90']],
    ],
    [
      'successes above approximate cases (90余 may be more)',
      [at('disputes_mediated', '90余', 90, { approximate: true }), at('disputes_resolved', '95', 95)],
      [],
    ],
    [
      'another year or township is not compared',
      [at('disputes_mediated', '94', 94), at('disputes_resolved', '95', 95, { year: 2022 })],
      [],
    ],
    [
      'takers above those due',
      [at('exam_due', '93', 93), at('exam_taken', '94', 94)],
      [['taken-exceeds-due', '94', '93']],
    ],
    [
      'a pass rate above 100',
      [at('exam_pass_rate_reported', '101%', 101)],
      [['rate-out-of-range', '101%', '100']],
    ],
    ['a pass rate of 100', [at('exam_pass_rate_reported', '100%', 100)], []],
    [
      'a custom indicator written with %',
      [at('custom:满意率', '120%', 120)],
      [['rate-out-of-range', '120%', '100']],
    ],
    ['a count above 100', [at('leaflets_distributed', '6000', 6000)], []],
    [
      'a count written as a percentage',
      [at('legal_consultations', '95%', 95)],
      [['percent-for-count', '95%', '人次']],
    ],
    [
      'a count written as a percentage, beside its cases: no count to compare (C1), a rate in its place (C6)',
      [at('disputes_mediated', '94', 94), at('disputes_resolved', '97％', 97)],
      [['percent-for-count', '97％', '件']],
    ],
    ['the file’s own indicator with %', [at('custom:满意率', '95%', 95)], []],
    [
      'events counted in people',
      [at('publicity_events', '万余人', 10000, { approximate: true })],
      [['unit-mismatch', '万余人', '场次']],
    ],
    [
      'consultations counted in events',
      [at('legal_consultations', '15场', 15)],
      [['unit-mismatch', '15场', '人次']],
    ],
    ['cases counted in people', [at('disputes_mediated', '94 人', 94)], [['unit-mismatch', '94 人', '件']]],
    [
      'cases counted in copies, in brackets',
      [at('disputes_mediated', '94（份）', 94)],
      [['unit-mismatch', '94（份）', '件']],
    ],
    ['consultations counted in people, not visits', [at('legal_consultations', '500多人', 500)], []],
    ['cases counted as 起', [at('disputes_mediated', '94起', 94)], []],
    ['leaflets counted as sheets', [at('leaflets_distributed', '6000余张', 6000)], []],
    ['a unit said of anything (次)', [at('disputes_mediated', '12次', 12)], []],
    ['sessions counted in 次 (次 counts anything)', [at('law_training_sessions', '3次', 3)], []],
    ['a figure without a unit', [at('publicity_events', '15', 15)], []],
    ['the file’s own indicator in people', [at('custom:网格员', '300人', 300)], []],
    ['a rate is no count', [at('mediation_success_rate_reported', '97', 97)], []],
    [
      'a reported rate that neither cuts nor rounds to its counts',
      [
        at('disputes_mediated', '94', 94),
        at('disputes_resolved', '92', 92),
        at('mediation_success_rate_reported', '90%', 90),
      ],
      [['rate-disagrees', '90%', '92 ÷ 94 = 97.87%']],
    ],
    [
      'the reference report: 97% for 92/94, truncated',
      [
        at('disputes_mediated', '94', 94),
        at('disputes_resolved', '92', 92),
        at('mediation_success_rate_reported', '97%', 97),
      ],
      [],
    ],
    [
      'a rate beside approximate counts is not judged',
      [
        at('exam_due', '700余', 700, { approximate: true }),
        at('exam_taken', '694', 694),
        at('exam_participation_rate_reported', '90%', 90),
      ],
      [],
    ],
    [
      'a rate over zero cases is not judged',
      [
        at('disputes_mediated', '0', 0),
        at('disputes_resolved', '0', 0),
        at('mediation_success_rate_reported', '100%', 100),
      ],
      [],
    ],
  ])('C1 C2 C3 C4 C6 C7 %s', (_title, facts, expected) => {
    const issues = checkFacts(facts, []);
    expect(issues.map((i) => [i.code, i.raw, i.detail])).toEqual(expected);
    for (const issue of issues) {
      const cell = facts.find((f) => f.rawText === issue.raw);
      expect(issue).toMatchObject({
        severity: 'warning',
        line: cell?.line,
        column: 'D',
        indicatorId: cell?.indicatorId,
      });
    }
  });

  it.each<[raw: string, value: number, flagged: boolean]>([
    ['94.5', 94.5, true],
    ['0.98', 0.98, true],
    ['1.200', 1.2, true],
    ['6.000', 6, true],
    ['９４．０', 94, true],
    ['94', 94, false],
    ['1.5万', 15000, false],
    ['1.25万余', 12500, false],
    ['6,000', 6000, false],
    ['97%', 97, false],
  ])('C8 a count written %j is flagged as no whole number: %s', (raw, value, flagged) => {
    const issues = checkFacts([at('leaflets_distributed', raw, value)], []).filter(
      (i) => i.code !== 'percent-for-count',
    );
    expect(issues).toEqual(
      flagged
        ? [
            {
              severity: 'warning',
              code: 'fractional-count',
              line: expect.any(Number),
              column: 'D',
              raw,
              detail: '份',
              indicatorId: 'leaflets_distributed',
            },
          ]
        : [],
    );
  });

  it('C8 rates, the file’s own indicators and ratios per school may have decimals', () => {
    const facts = [
      at('mediation_success_rate_reported', '97.87', 97.87),
      at('custom:网格员培训', '0.5', 0.5),
      at('vice_principals_per_school', '1.5', 1.5),
    ];
    expect(checkFacts(facts, [{ id: 'custom:网格员培训', label: '网格员培训', unit: '次' }])).toEqual([]);
  });

  it('C3 a custom indicator whose unit is % is a rate even without the sign', () => {
    const issues = checkFacts(
      [at('custom:满意率', '120', 120)],
      [{ id: 'custom:满意率', label: '满意率', unit: '%' }],
    );
    expect(issues.map((i) => i.code)).toEqual(['rate-out-of-range']);
  });
});
