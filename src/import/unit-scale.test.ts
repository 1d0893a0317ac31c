import { describe, expect, it } from 'vitest';
import { scaled, statesSize, unitScale } from './unit-scale.ts';

describe('unitScale', () => {
  it.each<[unit: string | null, indicatorId: string, factor: number | undefined]>([
    ['万人次', 'legal_consultations', 1e4],
    ['（万人次）', 'legal_consultations', 1e4],
    ['万 人次', 'legal_consultations', 1e4],
    ['千份', 'leaflets_distributed', 1e3],
    ['万份', 'leaflets_distributed', 1e4],
    ['百件', 'disputes_mediated', 1e2],
    ['人次', 'legal_consultations', undefined],
    [null, 'legal_consultations', undefined],
    // Another unit altogether is not a size: nothing is guessed.
    ['万件', 'legal_consultations', undefined],
    ['件', 'legal_consultations', undefined],
    // Rates and the file's own indicators keep what was written.
    ['万%', 'mediation_success_rate_reported', undefined],
    ['万人次', 'custom:网格员培训', undefined],
  ])('H9 %j for %s multiplies by %s', (unit, indicatorId, factor) => {
    expect(unitScale(unit, indicatorId)?.factor).toBe(factor);
  });

  it.each<[value: number, raw: string, result: number]>([
    [0.05, '0.05', 500],
    [0.07, '0.07', 700],
    [1.234, '1.234', 12340],
    // The cell states its own size, or its own unit: read as written.
    [12000, '1.2万', 12000],
    [500, '500人次', 500],
    [1200, '1200余人次', 1200],
    [94, '94（人次）', 94],
  ])('H9 %s written %j under 万人次 is %s', (value, raw, result) => {
    expect(scaled(value, raw, unitScale('万人次', 'legal_consultations'))).toBe(result);
  });

  it.each<[unit: string, states: boolean]>([
    ['万人次', true],
    ['千份', true],
    ['万', false],
    ['人次', false],
    ['件', false],
  ])('H9 the unit cell %j states a size: %s', (unit, states) => {
    expect(statesSize(unit)).toBe(states);
  });
});
