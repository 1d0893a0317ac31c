/**
 * The indicator catalog: the single source of truth for every indicator's names, unit,
 * aliases and formula. Adding an indicator is adding an entry here; nothing else in the
 * code lists indicators.
 *
 * Derived rates are never stored: the database computes them from their counts
 * (see db/schema.ts, view `all_facts`). A rate a township reported is a separate indicator
 * (kind 'reported-rate'), so the two can be compared.
 */

export type IndicatorKind = 'count' | 'per-unit' | 'reported-rate' | 'derived-rate';
export type Better = 'higher' | 'lower' | 'neutral';
export type IndicatorGroup =
  | 'study'
  | 'training'
  | 'publicity'
  | 'service'
  | 'mediation'
  | 'exam'
  | 'governance'
  | 'stability';

export interface Indicator {
  /** Stable id, lower snake case: used in URLs and in the database. */
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly unit: { readonly zh: string; readonly en: string };
  /** Other headers and report phrases this indicator goes by (matching ignores units and spaces). */
  readonly aliases: readonly string[];
  readonly kind: IndicatorKind;
  readonly better: Better;
  readonly group: IndicatorGroup;
  /** Whether summing the value over townships means something (counts yes, rates no). */
  readonly additive: boolean;
  /** For derived rates: 100 × numerator / denominator, both ids of count indicators. */
  readonly formula?: { readonly numerator: string; readonly denominator: string };
  /** For a reported rate: the derived indicator it should agree with. */
  readonly checksAgainst?: string;
}

export const CATALOG = [
  {
    id: 'study_sessions',
    name: { zh: '中心组学法', en: 'Theory-group study sessions' },
    unit: { zh: '次', en: 'sessions' },
    aliases: ['中心组学习', '中心组学法次数', '党委中心组学法', '理论学习中心组学法'],
    kind: 'count',
    better: 'higher',
    group: 'study',
    additive: true,
  },
  {
    id: 'special_study_sessions',
    name: { zh: '专题学法', en: 'Special study sessions' },
    unit: { zh: '次', en: 'sessions' },
    aliases: ['专题学习', '专题学法次数', '会前学法'],
    kind: 'count',
    better: 'higher',
    group: 'study',
    additive: true,
  },
  {
    id: 'officials_trained',
    name: { zh: '干部培训', en: 'Officials sent to training' },
    unit: { zh: '人', en: 'people' },
    aliases: ['干部轮训', '参训干部', '干部培训人数', '干部培训人次', '参加培训干部'],
    kind: 'count',
    better: 'higher',
    group: 'training',
    additive: true,
  },
  {
    id: 'constitution_lectures',
    name: { zh: '宪法讲座', en: 'Constitution lectures' },
    unit: { zh: '场', en: 'lectures' },
    aliases: ['宪法讲座场次', '机关干部宪法讲座', '宪法专题讲座'],
    kind: 'count',
    better: 'higher',
    group: 'training',
    additive: true,
  },
  {
    id: 'law_training_sessions',
    name: { zh: '法治培训', en: 'Rule-of-law training sessions' },
    unit: { zh: '场次', en: 'sessions' },
    aliases: ['法治培训场次', '法制培训', '法治培训次数'],
    kind: 'count',
    better: 'higher',
    group: 'training',
    additive: true,
  },
  {
    id: 'vice_principals_per_school',
    name: { zh: '每校法治副校长', en: 'Rule-of-law vice principals per school' },
    unit: { zh: '名/校', en: 'per school' },
    aliases: ['法治副校长', '每个学校配备法治副校长', '法治副校长配备'],
    kind: 'per-unit',
    better: 'higher',
    group: 'publicity',
    additive: false,
  },
  {
    id: 'legal_literate_persons',
    name: { zh: '法律明白人', en: '"Legal literate" persons trained' },
    unit: { zh: '名', en: 'people' },
    aliases: ['培养法律明白人', '法律明白人培养'],
    kind: 'count',
    better: 'higher',
    group: 'training',
    additive: true,
  },
  {
    id: 'leaflets_distributed',
    name: { zh: '发放宣传资料', en: 'Leaflets distributed' },
    unit: { zh: '份', en: 'copies' },
    aliases: ['发放宣传单', '宣传资料', '宣传单', '发放各类宣传单', '宣传资料份数'],
    kind: 'count',
    better: 'higher',
    group: 'publicity',
    additive: true,
  },
  {
    id: 'law_books_given',
    name: { zh: '赠送法律书籍', en: 'Law books given away' },
    unit: { zh: '册', en: 'books' },
    aliases: ['赠送法律法规书籍', '法律书籍', '赠书'],
    kind: 'count',
    better: 'higher',
    group: 'publicity',
    additive: true,
  },
  {
    id: 'slogans_posted',
    name: { zh: '张贴标语', en: 'Slogans posted' },
    unit: { zh: '张', en: 'posters' },
    aliases: ['粘贴标语', '标语', '宣传标语'],
    kind: 'count',
    better: 'higher',
    group: 'publicity',
    additive: true,
  },
  {
    id: 'publicity_events',
    name: { zh: '主题宣传活动', en: 'Publicity events' },
    unit: { zh: '场次', en: 'events' },
    aliases: ['主题宣传', '法治宣传活动', '宣传活动', '普法宣传活动', '普法宣传', '开展普法宣传'],
    kind: 'count',
    better: 'higher',
    group: 'publicity',
    additive: true,
  },
  {
    id: 'legal_consultations',
    name: { zh: '法律咨询', en: 'Legal consultations' },
    unit: { zh: '人次', en: 'consultations' },
    aliases: ['接受法律咨询', '法律法规咨询', '接受法律法规咨询', '解答法律咨询', '咨询人次'],
    kind: 'count',
    better: 'higher',
    group: 'service',
    additive: true,
  },
  {
    id: 'legal_service_stations',
    name: { zh: '公共法律服务工作站', en: 'Public legal-service stations' },
    unit: { zh: '个', en: 'stations' },
    aliases: ['法律服务工作站', '公共法律服务站'],
    kind: 'count',
    better: 'higher',
    group: 'service',
    additive: true,
  },
  {
    id: 'contracts_reviewed',
    name: { zh: '合同审查', en: 'Major contracts reviewed' },
    unit: { zh: '件', en: 'contracts' },
    aliases: ['合同审核', '审查合同', '合同合法性审查'],
    kind: 'count',
    better: 'higher',
    group: 'governance',
    additive: true,
  },
  {
    id: 'joint_enforcement_actions',
    name: { zh: '联合执法', en: 'Joint enforcement actions' },
    unit: { zh: '次', en: 'actions' },
    aliases: ['联合执法次数', '综合执法'],
    kind: 'count',
    better: 'neutral',
    group: 'governance',
    additive: true,
  },
  {
    id: 'enforcement_certificates',
    name: { zh: '行政执法证考试通过', en: 'Enforcement certificate exams passed' },
    unit: { zh: '名', en: 'people' },
    aliases: ['行政执法证考试', '执法证考试', '取得执法证'],
    kind: 'count',
    better: 'higher',
    group: 'governance',
    additive: true,
  },
  {
    id: 'disputes_mediated',
    name: { zh: '调解纠纷', en: 'Disputes mediated' },
    unit: { zh: '件', en: 'cases' },
    aliases: [
      '调解纠纷数',
      '调解案件',
      '调解纠纷件数',
      '受理纠纷',
      '调解矛盾纠纷',
      '矛盾纠纷调解',
      '人民调解',
      '人民调解案件',
      '调解',
    ],
    kind: 'count',
    better: 'neutral',
    group: 'mediation',
    additive: true,
  },
  {
    id: 'disputes_resolved',
    name: { zh: '调解成功', en: 'Disputes mediated successfully' },
    unit: { zh: '件', en: 'cases' },
    aliases: ['调解成功数', '成功调解', '调解成功件数', '调处成功'],
    kind: 'count',
    better: 'higher',
    group: 'mediation',
    additive: true,
  },
  {
    id: 'mediation_success_rate',
    name: { zh: '调解成功率', en: 'Mediation success rate' },
    unit: { zh: '%', en: '%' },
    aliases: ['调解成功率（计算）', '调解成功率计算值'],
    kind: 'derived-rate',
    better: 'higher',
    group: 'mediation',
    additive: false,
    formula: { numerator: 'disputes_resolved', denominator: 'disputes_mediated' },
  },
  {
    id: 'mediation_success_rate_reported',
    name: { zh: '调解成功率（报告值）', en: 'Mediation success rate (as reported)' },
    unit: { zh: '%', en: '%' },
    aliases: ['调解成功率', '成功率', '调解成功率报告值'],
    kind: 'reported-rate',
    better: 'higher',
    group: 'mediation',
    additive: false,
    checksAgainst: 'mediation_success_rate',
  },
  {
    id: 'disputes_settled',
    name: { zh: '化解矛盾纠纷', en: 'Disputes resolved (all channels)' },
    unit: { zh: '件', en: 'cases' },
    aliases: ['化解纠纷', '矛盾纠纷化解', '排查化解矛盾纠纷'],
    kind: 'count',
    better: 'neutral',
    group: 'mediation',
    additive: true,
  },
  {
    id: 'exam_due',
    name: { zh: '法治考试应考', en: 'Officials due for the law exam' },
    unit: { zh: '人', en: 'people' },
    aliases: ['应考人数', '应考', '应参考人数'],
    kind: 'count',
    better: 'neutral',
    group: 'exam',
    additive: true,
  },
  {
    id: 'exam_taken',
    name: { zh: '法治考试实考', en: 'Officials who sat the law exam' },
    unit: { zh: '人', en: 'people' },
    aliases: ['已考人数', '已考', '实考人数', '参考人数', '实考'],
    kind: 'count',
    better: 'higher',
    group: 'exam',
    additive: true,
  },
  {
    id: 'exam_participation_rate',
    name: { zh: '法治考试参考率', en: 'Law exam participation rate' },
    unit: { zh: '%', en: '%' },
    aliases: ['参考率（计算）'],
    kind: 'derived-rate',
    better: 'higher',
    group: 'exam',
    additive: false,
    formula: { numerator: 'exam_taken', denominator: 'exam_due' },
  },
  {
    id: 'exam_participation_rate_reported',
    name: { zh: '法治考试参考率（报告值）', en: 'Law exam participation rate (as reported)' },
    unit: { zh: '%', en: '%' },
    aliases: ['参考率', '参考率报告值'],
    kind: 'reported-rate',
    better: 'higher',
    group: 'exam',
    additive: false,
    checksAgainst: 'exam_participation_rate',
  },
  {
    id: 'exam_pass_rate_reported',
    name: { zh: '法治考试合格率', en: 'Law exam pass rate (as reported)' },
    unit: { zh: '%', en: '%' },
    aliases: ['合格率', '考试合格率', '法治考试合格率', '学法考试合格率'],
    kind: 'reported-rate',
    better: 'higher',
    group: 'exam',
    additive: false,
  },
  {
    id: 'admin_reconsideration_cases',
    name: { zh: '行政复议', en: 'Administrative reconsideration cases' },
    unit: { zh: '件', en: 'cases' },
    aliases: ['行政复议案件', '行政复议件数'],
    kind: 'count',
    better: 'lower',
    group: 'governance',
    additive: true,
  },
  {
    id: 'admin_litigation_cases',
    name: { zh: '行政应诉', en: 'Administrative litigation cases' },
    unit: { zh: '件', en: 'cases' },
    aliases: ['行政诉讼', '行政应诉案件', '行政诉讼案件'],
    kind: 'count',
    better: 'lower',
    group: 'governance',
    additive: true,
  },
  {
    id: 'petitions',
    name: { zh: '信访', en: 'Petitions' },
    unit: { zh: '件', en: 'petitions' },
    aliases: ['信访件数', '信访案件', '受理信访'],
    kind: 'count',
    better: 'lower',
    group: 'stability',
    additive: true,
  },
  {
    id: 'mass_incidents',
    name: { zh: '信访引发群体性事件', en: 'Mass incidents from petitions' },
    unit: { zh: '起', en: 'incidents' },
    aliases: ['群体性事件', '因信访引发群体性事件'],
    kind: 'count',
    better: 'lower',
    group: 'stability',
    additive: true,
  },
] as const satisfies readonly Indicator[];

export type IndicatorId = (typeof CATALOG)[number]['id'];

const byId = new Map<string, Indicator>(CATALOG.map((indicator) => [indicator.id, indicator]));

export function findIndicator(id: string): Indicator | undefined {
  return byId.get(id);
}

export function getIndicator(id: string): Indicator {
  const indicator = byId.get(id);
  if (!indicator) throw new Error(`Unknown indicator id: ${id}`);
  return indicator;
}

export const DEFAULT_INDICATOR_ID: IndicatorId = 'mediation_success_rate';

/** Indicators a township states directly (everything but derived rates). */
export function isStored(indicator: Indicator): boolean {
  return indicator.kind !== 'derived-rate';
}
