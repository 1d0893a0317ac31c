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
  customGroup: '自定义指标',
  district: {
    open: '辖区设置',
    title: '本区镇街名单',
    current: (name: string, n: number) => `当前辖区：${name}，共 ${n} 个镇街。导入时按此名单识别镇街名称。`,
    custom: '自定义名单',
    province: '省',
    city: '市',
    area: '区县',
    choose: '请选择…',
    adoptDivision: (name: string, n: number) => `使用 ${name} 的 ${n} 个镇街`,
    editList: '也可以直接粘贴或修改名单（每行一个，格式“代码,名称”或只写名称；撤并、更名的镇街在此修改）：',
    applyList: '保存名单',
    listProblem: (line: number, message: string) => `第 ${line} 行：${message}`,
    confirmHide: (names: string) =>
      `以下镇街已有数据，从名单中移除后其数据将不再显示（数据本身不删除）：${names}。确定吗？`,
    saved: (n: number) => `已保存，名单共 ${n} 个镇街。`,
  },
  tabs: {
    lockedTitle: '数据已在另一个标签页中打开',
    lockedText:
      '本看板的数据保存在浏览器中，同一时间只能由一个标签页使用，以免数据损坏。请切换到已打开的标签页，或在此接管（另一个标签页将停止使用数据）。',
    takeOver: '在此标签页接管',
    handedOverTitle: '数据已由另一个标签页接管',
    handedOverText: '为避免数据损坏，本标签页已停止使用数据。要在这里继续，请重新载入。',
    reload: '重新载入',
  },
  storage: {
    opfs: (used: string) => `数据保存在本浏览器中（已用 ${used}），关闭后再打开仍在。`,
    memory:
      '本浏览器无法长期保存数据（需通过 https 或本机地址访问），关闭页面后导入的数据会丢失，请及时备份。',
  },
  importer: {
    open: '导入数据',
    close: '收起导入',
    title: '导入各镇街的指标文件',
    dropHint: '把 CSV 文件拖到这里，或',
    choose: '选择文件…',
    accepts:
      '可一次选择多个文件。支持 Excel/WPS 另存的 CSV（GBK 或 UTF-8）、“Unicode 文本”（制表符分隔），以及宽表、长表、单镇街两列表。',
    template: '下载填报模板',
    templateYear: '模板年度',
    reading: '正在读取…',
    committing: '正在导入…',
    committed: (facts: number) => `已导入 ${facts} 个数值。`,
    duplicate: (file: string, time: string) => `这个文件与 ${time} 导入的“${file}”内容完全相同，已跳过。`,
    failed: (reason: string) => `导入失败，数据未作任何改动：${reason}`,
    encoding: '文字编码',
    encodingDetected: '（自动识别）',
    encodingChosen: '（手动选择）',
    encodings: {
      'utf-8': 'UTF-8',
      'utf-8-bom': 'UTF-8（带 BOM，Excel “CSV UTF-8”）',
      'utf-16le': 'UTF-16LE（Excel “Unicode 文本”）',
      'utf-16be': 'UTF-16BE',
      gb18030: 'GBK / GB18030（Excel、WPS 另存为 CSV）',
    } as Record<string, string>,
    layout: '表格样式',
    layouts: {
      long: '长表（镇街、年度、指标、数值）',
      wide: '宽表（每行一个镇街）',
      sheet: '单镇街两列表',
      unknown: '无法识别',
    } as Record<string, string>,
    year: '年度',
    yearSources: {
      column: '取自“年度”列',
      title: '取自标题行',
      'file-name': '取自文件名',
      option: '手动填写',
    } as Record<string, string>,
    yearMissing: '未找到年度，请填写',
    township: '镇街',
    townshipSources: { title: '取自标题行', 'file-name': '取自文件名', option: '手动选择' } as Record<
      string,
      string
    >,
    rows: (rows: number, facts: number) => `${rows} 行数据，${facts} 个数值`,
    columnsTitle: '表头与指标的对应',
    header: '表头',
    mappedTo: '对应指标',
    customIndicator: (label: string) => `新指标：${label}`,
    ignoreColumn: '不导入此列',
    roleColumn: '（镇街、年度、序号、备注等）',
    unknownTitle: '不在本区名单中的镇街',
    unknownRows: (lines: string) => `出现在第 ${lines} 行`,
    mapTownship: '对应到',
    chooseTownship: '请选择…',
    addTownship: '作为新镇街加入名单',
    issuesTitle: (errors: number, warnings: number) => `发现 ${errors} 个错误、${warnings} 个提醒`,
    error: '错误',
    warning: '提醒',
    rawText: (raw: string) => `原文：“${raw}”`,
    factsTitle: '将导入的数值（按镇街和年度）',
    conflictsTitle: (n: number) => `${n} 个数值与已有数据不同`,
    oldValue: '已有数值',
    newValue: '本文件数值',
    replace: '用本文件的数值替换',
    keep: '保留已有数值',
    commit: '确认导入',
    commitBlocked: '请先处理上面的错误，才能导入。',
    dismiss: '移除',
    newIndicatorsTitle: '指标目录中没有的指标（可对应到已有指标，或作为新指标保留）',
    amount: '数据量',
    line: '行',
  },
  issueLocation: (file: string, line?: number, column?: string) =>
    `${file}${line === undefined ? '' : ` 第 ${line} 行`}${column === undefined ? '' : ` ${column} 列`}`,
  issues: {
    empty: () => '文件是空的，没有任何内容。请确认选对了文件。',
    xlsx: () =>
      '这是 Excel 工作簿（.xlsx），不是 CSV。请在 Excel 或 WPS 中打开，选择“另存为” → “CSV UTF-8（逗号分隔）”后再导入。',
    xls: () =>
      '这是旧版 Excel 工作簿（.xls），不是 CSV。请在 Excel 或 WPS 中打开，选择“另存为” → “CSV（逗号分隔）”后再导入。',
    binary: () => '这不是文本表格文件（可能是图片、PDF 或其他二进制文件），无法导入。请选择 CSV 文件。',
    'too-large': () => '文件超过 200 MB，太大，无法导入。请按年度或镇街拆分后分别导入。',
    'too-many-columns': (_raw: string, detail?: string) =>
      `这个表格有 ${detail ?? '1000 多'} 列，超过了 1000 列的上限，不像是镇街指标表。请确认选对了文件，或删去多余的列后再导入。`,
    'no-header': () =>
      '没有找到表头行。表格需要有一行列名：或者是“镇街、年度、指标、数值”，或者是“镇街”加上每个指标一列（如“调解纠纷（件）”）。请补上表头后再导入。',
    'no-rows': () => '表格只有表头，下面没有数据行。请确认导出的是填好数据的工作表。',
    'no-year': () =>
      '没有找到年度：表中没有“年度”列，标题和文件名里也没有年份。请在预览中选择年度，或在标题或文件名中写上年份（如“2021年”）。',
    'no-township': () =>
      '没有找到镇街名称：这是单个镇街的指标表，但标题和文件名里都没有镇街名称。请在预览中选择镇街，或在文件名中写上镇街名称（如“宝龙镇2021年法治指标.csv”）。',
    'unknown-township': (raw: string, detail?: string) =>
      `镇街“${raw}”不在本区镇街名单中${detail ? `，是不是“${detail}”？` : '。'}请在预览中指定它对应哪个镇街，或改正名称后重新导入。`,
    'blank-township': () => '这一行有数据，但没有填写镇街名称。请补上镇街名称后重新导入。',
    'unknown-indicator': (raw: string, detail?: string) =>
      `以前为“${detail ?? ''}”选择的指标“${raw}”已不在指标目录中，这次按列名重新识别。请在预览中重新选择对应的指标。`,
    'blank-indicator': (raw: string) =>
      `这一行填了数值“${raw}”，但没有填写指标名称。请补上指标名称后重新导入。`,
    'duplicate-indicator-column': (raw: string, detail?: string) =>
      `“${raw}”这一列和 ${detail ?? '另一'} 列对应同一个指标，无法判断该用哪一列，这两列都没有导入。请在预览中把其中一列改为其他指标，或选择“忽略”。`,
    'unnamed-column': () => '这一列有数据，但表头是空的，没有导入。如需导入，请在表头行写上指标名称。',
    'bad-year': (raw: string) => `无法识别年度“${raw}”。请写成 2021、2021年 或 2021年度。`,
    'invalid-value': (raw: string) =>
      `无法识别数值“${raw}”。请只填一个数，如 94、6000余、97%；没有数据请留空或填“—”。`,
    'negative-count': (raw: string) => `数值“${raw}”是负数，指标数值不能为负。请核对后改正。`,
    'duplicate-fact': (raw: string, detail?: string) =>
      `同一镇街、同一年度的这个指标在第 ${detail ?? '?'} 行已经有了，本行的“${raw}”没有导入。请删去重复的一行。`,
    'totals-mismatch': (raw: string, detail?: string) =>
      `合计行填的是 ${raw}，但上面各镇街相加是 ${detail ?? '?'}，两者不一致。请核对合计数或各镇街的数值。`,
    'successes-exceed-cases': (raw: string, detail?: string) =>
      `调解成功数“${raw}”比调解纠纷数“${detail ?? '?'}”还多，成功的件数不可能超过调解的件数。请核对这两个数。`,
    'taken-exceeds-due': (raw: string, detail?: string) =>
      `实考人数“${raw}”比应考人数“${detail ?? '?'}”还多。请核对这两个数。`,
    'rate-out-of-range': (raw: string) => `比率“${raw}”超过了 100%。请核对这个数。`,
    'rate-disagrees': (raw: string, detail?: string) =>
      `填报的比率“${raw}”与按计数算出的结果（${detail ?? '?'}）对不上（按小数位截断或四舍五入都不相符）。请核对比率和两个计数。`,
  } satisfies Record<IssueCode, (raw: string, detail?: string) => string>,
};

export type Messages = typeof zh;
