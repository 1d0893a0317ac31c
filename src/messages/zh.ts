import type { IssueCode } from '../import/import-issue.ts';

/** Every text a user reads, in Chinese. en.ts has the same shape. */
export const zh = {
  lang: 'zh-CN',
  appTitle: '镇街法治政府建设指标看板',
  switchLanguage: 'English',
  loading: '正在启动数据库…',
  loadingSample: '正在载入示例数据…',
  sampleBanner:
    '当前显示的是示例数据（潼南区 23 个镇街，2019—2024 年，除宝龙镇 2021 年取自其年度报告外均为虚构数据）。',
  clearSample: '清除示例数据',
  emptyState: '暂无数据。请导入各镇街的年度指标 CSV 文件。',
  indicator: '指标',
  viewControls: '选择指标和年度',
  withUnit: (name: string, unit: string) => `${name}（${unit}）`,
  year: '年度',
  townships: '镇街',
  allTownships: '全部镇街',
  streetsOnly: '仅街道',
  townsOnly: '仅镇',
  trendTitle: (indicator: string) => `${indicator}：各镇街历年变化`,
  rankingTitle: (indicator: string, year: number) => `${year}年${indicator}排名`,
  tableTitle: (year: number) => `${year}年各镇街指标一览`,
  districtAverage: '镇街平均',
  notReported: '未报送',
  missingList: (names: string) => `未报送：${names}`,
  approximate: '约数',
  approxMark: '≈',
  rank: '排名',
  township: '镇街',
  source: (file: string, line: number | null, column: string | null) =>
    `来源：${file}${line === null ? '' : ` 第 ${line} 行`}${column ? ` ${column} 列` : ''}`,
  derivedSource: '由计数计算得出',
  originalText: (text: string) => `原文：${text}`,
  highlightLegend: '高亮镇街',
  highlightHint: '勾选的镇街在图中以彩色显示，其余镇街淡色显示；未勾选时默认高亮当年排名前两位和后两位。',
  resetHighlight: '恢复默认高亮',
  latestYear: (year: number) => `${year}年（最新）`,
  yearOption: (year: number) => `${year}年`,
  dataSourceLine: (files: number) => `数据来源：各镇街年度法治政府建设报告（${files} 个文件）`,
  tableHint: '点击表头排序；“≈”表示约数，鼠标悬停可查看原文和来源行。',
  errorTitle: '出错了',
  issueLocation: (file: string, line?: number, column?: string) =>
    `${file}${line === undefined ? '' : ` 第 ${line} 行`}${column === undefined ? '' : ` ${column} 列`}`,
  issues: {
    empty: () => '文件是空的，没有任何内容。',
    xlsx: () =>
      '这是 Excel 工作簿（.xlsx），不是 CSV。请在 Excel 或 WPS 中打开，选择“另存为” → “CSV UTF-8（逗号分隔）”后再导入。',
    xls: () =>
      '这是旧版 Excel 工作簿（.xls），不是 CSV。请在 Excel 或 WPS 中打开，选择“另存为” → “CSV（逗号分隔）”后再导入。',
    binary: () => '这不是文本表格文件（可能是图片、PDF 或其他二进制文件），无法导入。',
    'too-large': () => '文件超过 200 MB，太大，无法导入。请按年度或镇街拆分后分别导入。',
    'no-header': () => '没有找到表头行（需要“镇街、年度、指标、数值”等列，或每列一个指标）。',
    'no-rows': () => '只有表头，没有数据行。',
    'unknown-township': (raw: string, detail?: string) =>
      `镇街“${raw}”不在本区镇街名单中${detail ? `，是否为：${detail}？` : '。'}`,
    'unknown-indicator': (raw: string) => `指标“${raw}”不在指标目录中。`,
    'bad-year': (raw: string) => `无法识别年度“${raw}”（应为 2021、2021年 或 2021年度）。`,
    'invalid-value': (raw: string) => `无法识别数值“${raw}”。`,
    'negative-count': (raw: string) => `数值“${raw}”为负数，计数不能为负。`,
    'duplicate-fact': (raw: string, detail?: string) =>
      `同一镇街、年度、指标重复出现（第 ${detail ?? '?'} 行已有），本行“${raw}”未导入。`,
  } satisfies Record<IssueCode, (raw: string, detail?: string) => string>,
};

export type Messages = typeof zh;
