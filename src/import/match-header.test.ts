import { describe, expect, it } from 'vitest';
import { headerKey, headerLabel, headerUnit, matchHeader, unitDiffers, unitOfCell } from './match-header.ts';

describe('headerKey and matchHeader', () => {
  it.each<[header: string, key: string]>([
    ['调解纠纷（件）', '调解纠纷'],
    ['调解纠纷(件)', '调解纠纷'],
    ['调解纠纷【件】', '调解纠纷'],
    ['调解纠纷 （ 件 ）', '调解纠纷'],
    ['法律咨询/人次', '法律咨询'],
    [' 调解 纠纷\u3000', '调解纠纷'],
    ['调解纠纷：', '调解纠纷'],
    ['Disputes Mediated', 'disputesmediated'],
    ['ＤＩＳＰＵＴＥＳ', 'disputes'],
    ['调解成功率（报告值）（%）', '调解成功率'],
    // A list number is not part of the name: two files number their rows differently.
    ['1.调解纠纷', '调解纠纷'],
    ['3、调解纠纷（件）', '调解纠纷'],
    ['4． 调解成功', '调解成功'],
    ['12. 网格员培训', '网格员培训'],
    ['二、法律咨询', '法律咨询'],
    ['（2）宪法讲座', '宪法讲座'],
    ['⑤调解成功率', '调解成功率'],
    ['4.15国家安全教育日宣传', '4.15国家安全教育日宣传'],
    ['12.4宪法宣传日活动', '12.4宪法宣传日活动'],
    ['12345热线工单', '12345热线工单'],
    ['其中：调解成功（件）', '调解成功'],
    ['其中:疑难纠纷', '疑难纠纷'],
    // A mark pointing to a note below the table is not part of the name.
    ['调解纠纷（件）*', '调解纠纷'],
    ['★调解纠纷', '调解纠纷'],
    ['※法律咨询（人次）', '法律咨询'],
  ])('H1 %j has the key %j', (header, key) => {
    expect(headerKey(header)).toBe(key);
  });

  it.each<[header: string, indicatorId: string]>([
    ['中心组学法（次）', 'study_sessions'],
    ['中心组学习', 'study_sessions'],
    ['调解纠纷数(件)', 'disputes_mediated'],
    ['disputes_mediated', 'disputes_mediated'],
    ['Disputes mediated', 'disputes_mediated'],
    ['法律咨询/人次', 'legal_consultations'],
    ['成功率（%）', 'mediation_success_rate_reported'],
    ['法治考试合格率（%）', 'exam_pass_rate_reported'],
    ['每校法治副校长（名/校）', 'vice_principals_per_school'],
  ])('H1 %j is %s', (header, indicatorId) => {
    expect(matchHeader(header)?.id).toBe(indicatorId);
  });

  it.each<[header: string, indicatorId: string]>([
    ['法律咨询人次', 'legal_consultations'],
    ['法律咨询人次（人次）', 'legal_consultations'],
    ['宪法讲座场次', 'constitution_lectures'],
    ['调解案件数', 'disputes_mediated'],
    ['调解件数', 'disputes_mediated'],
    ['调解数', 'disputes_mediated'],
    ['信访量', 'petitions'],
    ['信访总数', 'petitions'],
    ['联合执法次', 'joint_enforcement_actions'],
    ['法律明白人数', 'legal_literate_persons'],
    ['法律明白人人数', 'legal_literate_persons'],
    ['发放宣传资料份数', 'leaflets_distributed'],
    ['人民调解案件', 'disputes_mediated'],
    ['普法宣传活动', 'publicity_events'],
  ])('H10 %j is %s: a catalog name and a measure word of its unit, or of any', (header, indicatorId) => {
    expect(matchHeader(header)?.id).toBe(indicatorId);
  });

  it.each([
    // People covered, not the sessions 法治培训 counts in 场次.
    '法治培训人次',
    // 次 is not 人次.
    '法律咨询次数',
    // A count of people, not the per-school figure.
    '法治副校长人数',
    '调解成功率数',
    // Times, not cases.
    '调解次数',
  ])('H10 %j is no catalog indicator: its measure is not the indicator’s unit', (header) => {
    expect(matchHeader(header)).toBeUndefined();
  });

  it.each(['网格员培训', '调解成功率（计算）x', '', '序号'])(
    'H4 %j matches no catalog indicator',
    (header) => {
      expect(matchHeader(header)).toBeUndefined();
    },
  );

  it('H4 derived rates are never matched: they are computed, not imported', () => {
    expect(matchHeader('mediation_success_rate')).toBeUndefined();
  });
});

describe('units in headers', () => {
  it.each<[header: string, unit: string | null, label: string]>([
    ['调解纠纷（件）', '件', '调解纠纷'],
    ['调解成功率(%)', '%', '调解成功率'],
    ['法律咨询/人次', '人次', '法律咨询'],
    ['网格员培训 【人次】', '人次', '网格员培训'],
    ['每校法治副校长（名/校）', '名/校', '每校法治副校长'],
    ['调解纠纷', null, '调解纠纷'],
    ['3. 网格员培训（人次）', '人次', '网格员培训'],
  ])('H2 %j has the unit %j and the label %j', (header, unit, label) => {
    expect(headerUnit(header)).toBe(unit);
    expect(headerLabel(header)).toBe(label);
  });

  it.each<[cell: string, unit: string | null]>([
    ['件', '件'],
    ['人次', '人次'],
    ['（人次）', '人次'],
    ['(%)', '%'],
    ['%', '%'],
    ['单位：件', '件'],
    [' 场 ', '场'],
    ['调解纠纷', null],
    ['(2021)', null],
    ['15', null],
  ])('L6 unit-row cell %j is the unit %j', (cell, unit) => {
    expect(unitOfCell(cell)).toBe(unit);
  });
});

describe('H11 units of another kind than the catalog indicator’s', () => {
  it.each<[label: string, unit: string | null, passedOver: string | undefined]>([
    ['法治培训（人次）', '人次', 'law_training_sessions'],
    ['法律咨询', '场', 'legal_consultations'],
    ['法律咨询', '（场次）', 'legal_consultations'],
    ['调解纠纷', '单位：人', 'disputes_mediated'],
    // A rate where the catalog counts, and a count where it has a rate.
    ['调解成功（%）', '%', 'disputes_resolved'],
    ['调解成功', '％', 'disputes_resolved'],
    ['调解成功率', '件', 'mediation_success_rate_reported'],
    // The same kind of thing, a unit of any kind, a size, no unit: the catalog's.
    ['调解纠纷', '起', undefined],
    ['宪法讲座', '场', undefined],
    ['法治培训', '次', undefined],
    ['法律咨询', '万人次', undefined],
    ['法律咨询', null, undefined],
    ['法律咨询', '', undefined],
    // Not the catalog's in any case.
    ['网格员培训', '人', undefined],
    ['调解成功率', '%', undefined],
    ['法治副校长', '名/校', undefined],
  ])('H11 %j stated in %j: passed over for %s', (label, unit, passedOver) => {
    expect(unitDiffers([label], unit)?.id).toBe(passedOver);
  });
});

describe('H12 brackets that say what the figures are', () => {
  it.each<[header: string, key: string, label: string, unit: string | null]>([
    ['调解纠纷（1-11月）', '调解纠纷(1-11月)', '调解纠纷（1-11月）', null],
    ['法律咨询（上半年）', '法律咨询(上半年)', '法律咨询（上半年）', null],
    ['法治培训（计划）', '法治培训(计划)', '法治培训（计划）', null],
    ['调解纠纷（目标任务）', '调解纠纷(目标任务)', '调解纠纷（目标任务）', null],
    ['调解纠纷（上年）', '调解纠纷(上年)', '调解纠纷（上年）', null],
    ['法律咨询（其中线上）（人次）', '法律咨询(其中线上)', '法律咨询（其中线上）', '人次'],
    ['调解成功（占比）', '调解成功(占比)', '调解成功（占比）', null],
    ['法律咨询/援助', '法律咨询/援助', '法律咨询/援助', null],
    // A unit, a whole year or a whole that includes a part: the catalog's.
    ['调解纠纷（1-12月）', '调解纠纷', '调解纠纷', '1-12月'],
    ['法律咨询（含线上）', '法律咨询', '法律咨询', '含线上'],
    ['法律咨询/人次', '法律咨询', '法律咨询', '人次'],
  ])('H12 %j is keyed %j, labelled %j, in %j', (header, key, label, unit) => {
    expect(headerKey(header)).toBe(key);
    expect(headerLabel(header)).toBe(label);
    expect(headerUnit(header)).toBe(unit);
  });

  it.each([
    '调解纠纷（1-11月）',
    '法律咨询（上半年）',
    '法治培训（计划数）',
    '调解成功（占比）',
    '法律咨询（线上）',
    '宪法讲座/培训',
  ])('H12 %j is no catalog indicator', (header) => {
    expect(matchHeader(header)).toBeUndefined();
  });
});
