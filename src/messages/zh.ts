import type { IssueCode } from '../import/import-issue.ts';
import { SPREADSHEET_ERROR } from '../import/parse-value.ts';
import { isPartOfYear } from '../import/parse-year.ts';
import { findIndicator } from '../indicators/catalog.ts';

/**
 * The parts of a data-quality warning's text, already formatted for the language shown
 * (db/quality-queries.ts `describeWarning` fills them).
 */
export interface QualityTextParts {
  readonly township: string;
  readonly year: number;
  /** The indicator's name; '' for a missing year. */
  readonly indicator: string;
  /** The value as the township wrote it, e.g. 6000余. */
  readonly written: string;
  /** The value as counted. */
  readonly value: string;
  /** The rate computed from the counts (without %), the count exceeded, or the peers' median with its unit. */
  readonly reference: string;
  /** How many were compared: years, townships, or townships that reported. */
  readonly compared: number;
  /** Townships that reported the missing indicator. */
  readonly having: number;
  /** Numerator and denominator of a rate; the whole a count exceeded. */
  readonly related: readonly { readonly name: string; readonly value: string; readonly written: string }[];
}

type QualityText = (p: QualityTextParts) => string;

/** Every text a user reads, in Chinese. en.ts has the same shape. */
export const zh = {
  lang: 'zh-CN',
  appTitle: '镇街法治政府建设指标看板',
  switchLanguage: 'English',
  loading: '正在启动数据库…',
  loadingSample: '正在载入示例数据…',
  sampleBanner:
    '当前显示的是示例数据（潼南区 23 个镇街，2019—2024 年，除宝龙镇 2021 年取自其年度报告外均为虚构数据）。',
  sampleLabel: '示例数据',
  clearSample: '清除示例数据',
  emptyState: '暂无数据。请导入各镇街的年度指标 CSV 文件。',
  indicator: '指标',
  viewControls: '选择指标和年度',
  withUnit: (name: string, unit: string) => (unit === '' ? name : `${name}（${unit}）`),
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
  sourceSeparator: '，',
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
    restarted:
      '数据库进程意外停止，已自动重新启动；已保存的数据没有丢失。如果刚才的操作没有完成，请再做一次。',
    reopenedStorageFull:
      '浏览器的存储空间不足，最后一次操作没有保存；已重新打开已保存的数据，原有数据完好。请清理浏览器存储空间或删除不需要的数据后再试。',
    dismiss: '知道了',
    lostTitle: '数据库进程已停止',
    lostText: '本浏览器无法长期保存数据，本页导入的数据已经丢失。请重新载入页面，再导入一次文件。',
    lostSavedText: '已保存的数据没有丢失。请重新载入页面继续。',
    notSaved: '数据已由另一个标签页接管，本次更改没有保存。',
    readOnly: '只读查看',
    readOnlyLoading: '正在从另一个标签页读取数据…',
    readOnlyBanner: '只读：数据正在另一个标签页中编辑',
    readOnlyNote: (time: string) =>
      `这里显示的是 ${time} 的数据副本，不能导入或修改；另一个标签页每次保存改动后，这里会自动换成新的副本。`,
    holderGoneTitle: '另一个标签页已关闭',
    holderGoneText: '已没有标签页在使用数据。重新载入后，数据将在此标签页打开。',
    readOnlyFailed: (message: string) => `无法读取另一个标签页的数据：${message}`,
  },
  storage: {
    opfs: (used: string) => `数据保存在本浏览器中（已用 ${used}），关闭后再打开仍在。`,
    memory:
      '本浏览器无法长期保存数据（需通过 https 或本机地址访问），关闭页面后导入的数据会丢失，请及时备份。',
    kind: {
      opfs: '存储：OPFS（浏览器文件系统）',
      indexeddb: '存储：IndexedDB（浏览器数据库）',
      memory: '存储：仅内存',
    },
    indexeddb: (used: string) =>
      `数据保存在本浏览器的数据库中（已用 ${used}），每次更改后自动保存，关闭后再打开仍在。`,
    persisted: '浏览器已准许长期保存。',
    mayBeCleared: '浏览器在存储空间不足时可能清除这些数据，请定期下载备份。',
  },
  data: {
    open: '数据管理',
    title: '数据管理：导入记录、备份与恢复',
    historyTitle: '导入记录',
    file: '文件',
    time: '导入时间',
    encoding: '编码',
    rows: '行数',
    facts: '数值',
    replaced: '替换了',
    replacedText: (n: number, files: string) => (n === 0 ? '—' : `${n} 个数值（来自 ${files}）`),
    sample: '示例数据',
    undo: '撤销此次导入',
    confirmUndo: (file: string, n: number) =>
      `撤销“${file}”的导入：删除它导入的 ${n} 个数值，并恢复它替换掉的原有数值。确定吗？`,
    undone: (file: string) => `已撤销“${file}”的导入。`,
    noImports: '还没有导入任何文件。',
    exportTitle: '导出',
    backupTitle: '备份与恢复',
    backupHint: '备份文件包含全部数据和导入记录，可在另一台电脑上恢复，也可用 DuckDB 打开。',
    backup: '下载备份文件',
    restore: '从备份恢复…',
    restoreInvalid: (message: string) => `无法恢复：${message} 现有数据没有任何改动。`,
    confirmRestore: (facts: number, imports: number, years: string, district: string) =>
      `备份中有 ${district} 的 ${facts} 个数值（${imports} 次导入，年度 ${years}）。恢复将替换当前全部数据。确定吗？`,
    restored: (facts: number) => `已恢复，共 ${facts} 个数值。`,
    backupSaved: (file: string) => `已下载备份文件“${file}”，请妥善保存。`,
    checkingBackup: (file: string) => `正在检查备份文件“${file}”，现有数据不会改动…`,
    backupContents: (file: string) => `备份文件“${file}”的内容`,
    backupDistrict: '辖区',
    backupImports: '导入记录',
    backupFacts: '数值',
    backupTownships: '镇街',
    backupYears: '年度',
    backupCount: (n: number) => `${n} 条`,
    backupFactCount: (n: number) => `${n} 个`,
    backupTownshipCount: (total: number, withData: number) => `名单 ${total} 个，其中 ${withData} 个有数据`,
    backupNoDistrict: '未记录（旧版备份，恢复后按重庆市潼南区）',
    restoreWarning: (facts: number, imports: number) =>
      `恢复将用备份中的数据替换当前全部数据（现有 ${facts} 个数值、${imports} 条导入记录），此操作无法撤销。`,
    confirmRestoreButton: '用此备份替换当前数据',
    cancelRestore: '取消',
    storageFull:
      '浏览器的存储空间不足，本次操作没有保存；已保存的数据完好。请重新载入页面，清理浏览器存储空间后再试。',
    backupUnverified:
      '生成的备份文件读回校验未通过，没有下载。请重试；如仍失败，请先用“导出全部数值（CSV）”保存数据。',
    restoring: '正在恢复备份，请勿关闭页面…',
    restoreCancelled: '已取消恢复，现有数据没有任何改动。',
    backupRefused: {
      'not-duckdb': '所选文件不是本程序导出的备份文件（备份文件以 .duckdb 结尾，由“下载备份文件”生成）。',
      foreign: '所选文件是其他程序的数据库，不是本程序的备份。',
      newer: '此备份由更新版本的程序创建，请升级本程序后再恢复。',
      corrupt: '备份文件已损坏或不完整（可能下载或复制时中断），无法读取。',
    } as Record<string, string>,
    exportCsv: '导出全部数值（CSV）',
    resetTitle: '清空数据',
    reset: '清空全部数据…',
    confirmReset: (facts: number, imports: number, years: string) =>
      `将删除全部 ${facts} 个数值和 ${imports} 条导入记录（年度 ${years}），镇街名单保留。此操作无法撤销，建议先下载备份。确定清空吗？`,
    resetDone: '已清空全部数据。',
    failed: (message: string) => `操作失败，数据没有改动：${message}`,
    quota:
      '浏览器的存储空间不足，本次操作已撤回，原有数据完好。请清理浏览器存储空间或删除不需要的数据后再试。',
  },
  pages: {
    overview: '总览',
    trend: '趋势',
    ranking: '排名',
    heatmap: '热力图',
    profile: '镇街画像',
    table: '对比表',
    quality: '数据质量',
  } as Record<string, string>,
  asTable: '以表格查看图中数据',
  mode: { value: '数值', change: '同比变化' } as Record<string, string>,
  showAs: '显示',
  median: '中位数',
  iqr: '四分位区间',
  changeLabel: '同比',
  pointsUnit: '个百分点',
  noChange: '无同比',
  rankLabel: (rank: number, ranked: number, year?: number) =>
    `${year === undefined ? '' : `${year}年`}第${rank}/${ranked}名`,
  heatmapTitle: (indicator: string) => `${indicator}：各镇街历年热力图`,
  profileTitle: (township: string) => `${township}：各项指标历年变化与排名`,
  chooseTownship: '选择镇街',
  search: '搜索镇街',
  selectAll: '全选',
  selectStreets: '仅街道',
  selectTowns: '仅镇',
  keyFiguresTitle: (year: number) => `${year}年全区主要指标`,
  previousYear: (year: number, value: string) => `上年（${year}）：${value}`,
  comparableNote: (n: number) => `按两年都报送的 ${n} 个镇街比较`,
  townshipsReported: (n: number, total: number) => `${n}/${total} 个镇街报送`,
  approxCount: (n: number) => (n > 0 ? `含 ${n} 个约数` : ''),
  completenessTitle: '报送情况（镇街 × 年度）',
  completeness: { complete: '齐全', partial: '部分', missing: '未报送' } as Record<string, string>,
  completenessCounts: (year: number, c: number, p: number, m: number) =>
    `${year}年：齐全 ${c}，部分 ${p}，未报送 ${m}`,
  fewReports: (n: number, total: number) => `注意：本年度只有 ${n}/${total} 个镇街报送了该指标。`,
  qualityTitle: (n: number) => `数据质量提醒（共 ${n} 条）`,
  qualityKinds: {
    'rate-disagrees': '比率与计数不符',
    'successes-exceed-cases': '成功数大于总数',
    'taken-exceeds-due': '实考大于应考',
    'missing-year': '年度报告缺失',
    'missing-indicator': '指标缺报',
    'outlier-history': '与本镇历年差异大',
    'outlier-district': '与全区差异大',
    approximate: '约数',
  } as Record<string, string>,
  kind: '类型',
  message: '说明',
  whereFrom: '来源',
  goTo: '查看',
  allKinds: '全部类型',
  rankChange: '排名变化',
  filterTownships: '筛选镇街',
  columnsShown: '显示的指标列',
  showChange: '显示同比列',
  /** Punctuation and small phrases inside charts and views. */
  viewText: {
    colon: '：',
    listSeparator: '、',
    parens: (text: string) => `（${text}）`,
    /** A bar's rank in the ranking tooltip. */
    rankInline: (rank: number) => `（第 ${rank} 名）`,
    /** Where a value came from, without the 来源 prefix: file, line, column. */
    sourcePlace: (file: string, line: number | null, column: string | null) =>
      `${file}${line === null ? '' : ` 第 ${line} 行`}${column ? ` ${column} 列` : ''}`,
    profileTableCaption: (township: string) => `${township}：各项指标历年数值与排名`,
    indicatorColumn: '指标',
    pageRange: (from: number, to: number, total: number) => `第 ${from}–${to} 个，共 ${total} 个镇街`,
    previousPage: '上一页',
    nextPage: '下一页',
    /** Which ranks one page of a long ranking shows (its subtitle). */
    rankRange: (first: number, last: number, ranked: number) =>
      `第 ${first}–${last} 名，共 ${ranked} 个镇街参与排名`,
    showAllRows: (total: number) => `显示全部 ${total} 个镇街`,
  },
  qualityText: {
    'rate-disagrees': (p) => {
      const [n, d] = p.related;
      return `${p.township}${p.year}年填报的${p.indicator}“${p.written}”与按计数算出的结果（${n?.name} ${n?.value} ÷ ${d?.name} ${d?.value} = ${p.reference}%）对不上，按小数位截断或四舍五入都不相符。请核对比率和两个计数。`;
    },
    'successes-exceed-cases': (p) =>
      `${p.township}${p.year}年${p.indicator}“${p.written}”比${p.related[0]?.name}“${p.related[0]?.written}”还多，前者不可能超过后者。请核对这两个数。`,
    'taken-exceeds-due': (p) =>
      `${p.township}${p.year}年${p.indicator}“${p.written}”比${p.related[0]?.name}“${p.related[0]?.written}”还多，前者不可能超过后者。请核对这两个数。`,
    'missing-year': (p) =>
      `${p.township}没有${p.year}年的任何数据，而全区已有 ${p.compared} 个镇街报送了该年度数据。请催报或补录。`,
    'missing-indicator': (p) =>
      `${p.township}${p.year}年缺少“${p.indicator}”，而同年报送数据的其他 ${p.compared} 个镇街中有 ${p.having} 个填报了这一指标。请核对是否漏填。`,
    'outlier-history': (p) =>
      `${p.township}${p.year}年${p.indicator}为“${p.written}”，与本镇街其他 ${p.compared} 个年度相差很大（中位数 ${p.reference}）。请核对是否填错。`,
    'outlier-district': (p) =>
      `${p.township}${p.year}年${p.indicator}为“${p.written}”，与同年其他 ${p.compared} 个镇街相差很大（中位数 ${p.reference}）。请核对是否填错。`,
    approximate: (p) =>
      `${p.township}${p.year}年${p.indicator}填的是约数“${p.written}”，按 ${p.value} 计入合计和图表，并标为约数。`,
  } satisfies Record<string, QualityText> as {
    readonly 'rate-disagrees': QualityText;
    readonly 'successes-exceed-cases': QualityText;
    readonly 'taken-exceeds-due': QualityText;
    readonly 'missing-year': QualityText;
    readonly 'missing-indicator': QualityText;
    readonly 'outlier-history': QualityText;
    readonly 'outlier-district': QualityText;
    readonly approximate: QualityText;
  },
  importer: {
    open: '导入数据',
    close: '收起导入',
    title: '导入各镇街的指标文件',
    dropHint: '把 CSV 文件拖到这里，或',
    choose: '选择文件…',
    accepts:
      '可一次选择多个文件。支持 Excel/WPS 另存的 CSV（GBK 或 UTF-8）、“Unicode 文本”（制表符分隔），以及宽表、长表、单镇街表，和指标在行、镇街或年度在列的表。',
    template: '下载填报模板',
    templateYear: '模板年度',
    reading: '正在读取…',
    committing: '正在导入…',
    committed: (facts: number) => `已导入 ${facts} 个数值。`,
    duplicate: (file: string, time: string) => `这个文件与 ${time} 导入的“${file}”内容完全相同，已跳过。`,
    storageFull:
      '浏览器的存储空间不足，本文件没有保存，原有数据完好。请清理浏览器存储空间或删除不需要的数据后再试。',
    failed: (reason: string) => `导入失败，数据未作任何改动：${reason}`,
    fileUnreadable:
      '这个文件在选入后被修改、移动或删除了，浏览器不能再读取它。请移除这张卡片，重新选择这个文件。',
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
      sheet: '单镇街表（指标、数值；或每年一列）',
      transposed: '转置宽表（每行一个指标，每列一个镇街）',
      unknown: '无法识别',
    } as Record<string, string>,
    year: '年度',
    yearSources: {
      column: '取自“年度”列',
      header: '取自表头（每列一个年度）',
      tables: '取自各表的标题（一个文件里有几张表）',
      title: '取自标题行',
      'file-name': '取自文件名',
      option: '手动填写',
    } as Record<string, string>,
    yearMissing: '未找到年度，请填写',
    township: '镇街',
    townshipSources: {
      title: '取自标题行',
      note: '取自表上或表下的说明行（填报单位等）',
      'file-name': '取自文件名',
      option: '手动选择',
      header: '取自表头（每列一个镇街）',
    } as Record<string, string>,
    rows: (rows: number, facts: number) => `${rows} 行数据，${facts} 个数值`,
    columnsTitle: '表头与指标的对应',
    header: '表头',
    mappedTo: '对应指标',
    storedIndicator: (label: string) => `本区已有的自建指标：${label}`,
    storedIndicatorsGroup: '本区自建指标',
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
    firstShown: (n: number) => `（数量较多，这里只列出前 ${n} 个。）`,
    factsTitle: '将导入的数值（按镇街和年度）',
    conflictsTitle: (n: number) => `${n} 个数值与已有数据不同`,
    conflictsChanged:
      '读入这个文件之后，已有数据有了变化（例如又导入了别的文件），下面是它现在要替换或保留的数值。请核对后再按“确认导入”；“全部确认导入”不会替您确认。',
    oldValue: '已有数值',
    newValue: '本文件数值',
    replace: '用本文件的数值替换',
    keep: '保留已有数值',
    commit: '确认导入',
    commitBlocked: '请先处理上面的错误，才能导入。',
    commitAll: (n: number) => `全部确认导入（${n} 个文件）`,
    committingAll: '正在逐个导入…',
    commitAllHint: (blocked: number) =>
      `按下面的顺序逐个导入，每个文件要么全部导入，要么不导入；与已有数据不同的数值按各文件的选择替换或保留。若前面的文件导入后，后面的文件与它的数值不同，后面的文件会停下，等您核对。${
        blocked > 0 ? `有错误的 ${blocked} 个文件不会导入，请先处理。` : ''
      }`,
    dismiss: '移除',
    newIndicatorsTitle: '指标目录中没有的指标（可对应到已有指标，或作为新指标保留）',
    amount: '数据量',
    columnLetter: '列',
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
    'no-year': (raw?: string) =>
      raw
        ? `年度写的是“${raw}”，要按文件的年度来算，但标题和文件名里都没有年份。请在预览中填写年度，或在标题或文件名中写上年份（如“2021年”）。`
        : '没有找到年度：表中没有“年度”列，标题和文件名里也没有年份。请在预览中选择年度，或在标题或文件名中写上年份（如“2021年”）。',
    'part-of-year': (raw: string, detail?: string) =>
      `${detail === 'file-name' ? '文件名' : '标题'}写的是“${raw}”：表中的数只是一年中的一段时间，不是全年的数。这里只收全年数据，以便各年、各镇街能够比较。请导入全年的数；如果表中其实是全年的数，请在预览中选择年度，或改正${detail === 'file-name' ? '文件名' : '标题'}后重新导入。`,
    'year-differs': (raw: string, detail?: string) => {
      const [source, year] = (detail ?? '').split(':');
      return `年度列写的是 ${raw} 年，但${source === 'file-name' ? '文件名' : '标题'}写的是 ${year ?? '?'} 年，两者不一致；各行按年度列的年份导入。请核对是不是沿用了往年的表格。`;
    },
    'file-name-differs': (raw: string, detail?: string) => {
      const [kind, chosen] = (detail ?? '').split(':');
      return kind === 'year'
        ? `文件名写的是 ${raw} 年，但标题写的是 ${chosen ?? '?'} 年，两者不一致；按标题的年度导入。请核对，需要时在预览中改填年度。`
        : `文件名写的是“${raw}”，但标题写的是“${chosen ?? '?'}”，两者不一致；按标题的镇街导入。请核对，需要时在预览中改选镇街。`;
    },
    'no-township': (raw?: string, detail?: string) =>
      raw
        ? `这是单个镇街的指标表，标题或文件名里的“${raw}”不在本区镇街名单中${detail ? `，是不是“${detail}”` : ''}？请在预览中选择镇街，或改正名称后重新导入。`
        : '没有找到镇街名称：这是单个镇街的指标表，但标题和文件名里都没有镇街名称。请在预览中选择镇街，或在文件名中写上镇街名称（如“宝龙镇2021年法治指标.csv”）。',
    'unknown-township': (raw: string, detail?: string) =>
      `镇街“${raw}”不在本区镇街名单中${detail ? `，是不是“${detail}”？` : '。'}请在预览中指定它对应哪个镇街，或改正名称后重新导入。`,
    'township-code-mismatch': (raw: string, detail?: string) =>
      `区划代码“${raw}”是“${detail ?? '?'}”的代码，与本行填写的镇街名称不一致；本行按所填名称导入。请核对区划代码或镇街名称。`,
    'blank-township': () => '这一行有数据，但没有填写镇街名称。请补上镇街名称后重新导入。',
    'unknown-indicator': (raw: string, detail?: string) =>
      `以前为“${detail ?? ''}”选择的指标“${raw}”已不在指标目录中，这次按列名重新识别。请在预览中重新选择对应的指标。`,
    'blank-indicator': (raw: string) =>
      `这一行填了数值“${raw}”，但没有填写指标名称。请补上指标名称后重新导入。`,
    'duplicate-indicator-column': (raw: string, detail?: string) => {
      const several = (detail ?? '').includes('、');
      return `“${raw}”这一列和 ${detail ?? '另一'} 列对应同一个指标，无法判断该用哪一列，这${several ? '几' : '两'}列都没有导入。请在预览中把${several ? '多出的列' : '其中一列'}改为其他指标，或选择“忽略”。`;
    },
    'unnamed-column': () => '这一列有数据，但表头是空的，没有导入。如需导入，请在表头行写上指标名称。',
    'bad-year': (raw: string) =>
      isPartOfYear(raw)
        ? `“${raw}”只是一年中的一段时间，不是全年的数。这里只收全年数据：请填全年的数，年度写 2021 或 2021年1-12月。`
        : `无法识别年度“${raw}”。请写成 2021、2021年 或 2021年度。`,
    'split-number': (raw: string) =>
      `“${raw}”像是一个带千位逗号的数被逗号分成了两格，这一行后面的数都错了位，整行没有导入。请把它写成不带逗号的“${raw.replace(',', '')}”，或在 Excel、WPS 中另存为 CSV（带逗号的数会自动加上引号）。`,
    'extra-cells': (raw: string, detail?: string) =>
      `这一行在表头最后一列（${detail ?? '?'} 列）右边还填了“${raw}”，比表头多出了单元格：可能多打了一个分隔符，或某个单元格里的逗号没有加引号，这一行的数可能都错了位，整行没有导入。请核对这一行，删去多余的单元格或给含逗号的内容加上引号（在 Excel、WPS 中另存为 CSV 会自动加上）。`,
    'unclosed-quote': (raw: string, detail?: string) =>
      `这个单元格（${raw}）以引号开头，但引号一直没有结尾，下面 ${detail ?? '?'} 行都被读进了这一个单元格，文件无法正确读出。请在这个单元格文字的末尾补上引号，或删去开头的引号，然后重新导入。`,
    'fractional-count': (raw: string, detail?: string) =>
      `“${raw}”带小数，但这个指标以“${detail ?? '?'}”计，应是整数。请核对：是不是填了比率，或把千位分隔符写成了小数点（如 6.000 应为 6000）。`,
    'invalid-value': (raw: string) =>
      SPREADSHEET_ERROR.test(raw.trim())
        ? `这一格是 Excel 公式的错误值“${raw}”，不是一个数：公式出了错（如引用的单元格被删除、查不到值、类型不对）。请在原表中改正公式，或清空这一格，再重新导出。`
        : `无法识别数值“${raw}”。请只填一个数，如 94、6000余、97%；没有数据请留空或填“—”。`,
    'future-year': (raw: string, detail?: string) =>
      `年度是 ${raw} 年，晚于今年（${detail ?? '?'} 年）：报告不会是还没到的年份的，可能是年度写错了（比如把 2019 写成了 2091）。请核对年度（年度列、标题或文件名里的年度，或在预览中选择的年度）。`,
    'year-as-header': (raw: string) =>
      `表头“${raw}”是年份，不是指标名称：表中没有写这一列是哪个指标，这一列没有导入。请在表头写上指标和年份（如“调解纠纷 ${raw}”），或改成每列一个指标、另设“年度”列的表。`,
    'divide-by-zero': (raw: string) =>
      `这一格是 Excel 公式算出的“${raw}”（除数为 0，比如调解件数为 0 时的成功率）：没有这个数，按没有数据处理，没有导入。如果这里应该有数，请在原表中核对公式。`,
    'negative-count': (raw: string) => `数值“${raw}”是负数，指标数值不能为负。请核对后改正。`,
    'duplicate-fact': (raw: string, detail?: string) => {
      const [line, column] = (detail ?? '?').split(':');
      return column
        ? `同一镇街、同一年度的这个指标在本行 ${column} 列已经有了（两列对应了同一个镇街），这一格的“${raw}”没有导入。请核对这两列的镇街名称或在预览中的对应。`
        : `同一镇街、同一年度的这个指标在第 ${line} 行已经有了，本行的“${raw}”没有导入。请删去重复的一行。`;
    },
    'restated-differs': (raw: string, detail?: string) =>
      `“上年”栏填的“${raw}”与第 ${detail ?? '?'} 行填报的同一镇街、同一年度的数值不一致，导入的是第 ${detail ?? '?'} 行当年填报的数值。请核对。`,
    'rate-as-fraction': (raw: string, detail?: string) =>
      `这个比率的数值都写成了 0 到 1 之间的小数（如“${raw}”），已按百分数导入（${raw} 记为 ${detail ?? '?'}%）。请核对。`,
    'subtotal-mismatch': (raw: string, detail?: string) =>
      `小计行填的是 ${raw}，但它小计的各镇街相加是 ${detail ?? '?'}，两者不一致。请核对小计数或各镇街的数值。`,
    'totals-mismatch': (raw: string, detail?: string) =>
      `合计行填的是 ${raw}，但它合计的各镇街相加是 ${detail ?? '?'}，两者不一致。请核对合计数或各镇街的数值。`,
    'percent-for-count': (raw: string, detail?: string) =>
      `这个指标按“${detail ?? '?'}”计数，这里却填了百分数“${raw}”，是不是填到了比率的位置？请核对。`,
    'unit-mismatch': (raw: string, detail?: string) =>
      `这个指标按“${detail ?? '?'}”计数，这里的“${raw}”却是另一种单位，数的可能是别的东西（比如把人次填成了场次），或填错了行、列。请核对。`,
    'unit-differs': (raw: string, detail?: string) => {
      const indicator = detail === undefined ? undefined : findIndicator(detail);
      const name = indicator?.name.zh ?? detail ?? '?';
      return `单位写的是“${raw}”，而指标目录里的“${name}”以“${indicator?.unit.zh ?? '?'}”计，数的不是同一种东西，所以没有算作“${name}”，而是作为本文件自己的指标导入。如果其实就是“${name}”（单位写错了），请在预览中把它对应到“${name}”。`;
    },
    'unit-scaled': (raw: string, detail?: string) =>
      `单位写的是“${raw}”：数值已乘以“${raw.slice(0, raw.length - (detail ?? '').length)}”，换算成以“${detail ?? '?'}”计后导入。请核对换算是否正确。`,
    'totals-column-mismatch': (raw: string, detail?: string) =>
      `合计列填的是 ${raw}，但左边各镇街相加是 ${detail ?? '?'}，两者不一致。请核对合计数或各镇街的数值。`,
    'successes-exceed-cases': (raw: string, detail?: string) =>
      `调解成功数“${raw}”比调解纠纷数“${detail ?? '?'}”还多，成功的件数不可能超过调解的件数。请核对这两个数。`,
    'taken-exceeds-due': (raw: string, detail?: string) =>
      `实考人数“${raw}”比应考人数“${detail ?? '?'}”还多。请核对这两个数。`,
    'rate-out-of-range': (raw: string) => `比率“${raw}”超过了 100%。请核对这个数。`,
    'rate-disagrees': (raw: string, detail?: string) =>
      `填报的比率“${raw}”与按计数算出的结果（${detail ?? '?'}）对不上（按小数位截断或四舍五入都不相符）。请核对比率和两个计数。`,
  } satisfies Record<IssueCode, (raw: string, detail?: string) => string>,
  /** Exports: chart images, table files and the meeting pack (汇报材料). */
  exports: {
    chartMenu: '导出图表',
    png: (ratio: number) => `下载 PNG（${ratio}倍）`,
    svg: '下载 SVG（矢量图）',
    copy: '复制图片',
    copied: '图片已复制，可直接粘贴到 PPT 或 Word。',
    copyFailed: '浏览器不允许复制图片（需要 https 或本机地址），请改用“下载 PNG”。',
    working: '正在生成…',
    failed: (message: string) => `导出失败：${message}`,
    csv: '导出 CSV',
    xlsx: '导出 Excel',
    tableActions: '导出表格',
    addToBasket: '加入汇报材料',
    inBasket: '已在汇报材料中',
    pngSuffix: (ratio: number) => `_${ratio}倍`,
    tableFile: (title: string) => `${title}_数据表`,
    comparisonFile: (year: number) => `${year}年镇街对比表`,
    /** One page of a long chart, as its file and the meeting pack name it. */
    pagedTitle: (title: string, part: string) => `${title}（${part}）`,
    rankPart: (first: number, last: number) => `第${first}–${last}名`,
    rowPart: (from: number, to: number) => `第${from}–${to}个镇街`,
    madeOn: (date: Date) => `制图日期：${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`,
    years: (from: number, to: number) => (from === to ? `${from}年` : `${from}—${to}年`),
    comparedWith: (year: number) => `同比对比 ${year}年`,
    allTownships: (n: number) => `全部 ${n} 个镇街`,
    reportedOf: (reported: number, total: number) => `${total} 个镇街中 ${reported} 个报送`,
    missing: (names: string) => `未报送：${names}`,
    highlighted: (names: string) => `突出显示：${names}`,
    indicatorCount: (n: number) => `${n} 项指标`,
    separator: ' · ',
    approxColumn: (header: string) => `${header}·约数`,
    approxFlag: '约数',
    basket: {
      title: (n: number) => `汇报材料（${n} 张图）`,
      empty: '还没有图表。在任一图表下点击“加入汇报材料”，即可收集到这里，排好顺序后一次下载。',
      keptInBrowser:
        '汇报材料保存在本浏览器中：刷新、关闭或重新打开页面后仍在；其中的图表总是按当前数据绘制。',
      keptInPage:
        '浏览器无法保存汇报材料（存储空间已满或被禁用），它只保存在当前页面：刷新或关闭页面会清空，离开前浏览器会先提醒。',
      moveUp: '上移',
      moveDown: '下移',
      remove: '移除',
      clear: '清空',
      download: '下载 PowerPoint',
      print: '打印版式（存为 PDF）',
      fileName: (year: number | null) => (year === null ? '汇报材料' : `汇报材料_${year}年`),
      working: '正在生成 PowerPoint…',
      done: (name: string) => `已下载 ${name}`,
    },
    deck: {
      deckTitle: (year: number | null) => `${year === null ? '' : `${year}年度`}镇街法治政府建设指标汇报材料`,
      madeOn: (date: Date) => `制作日期：${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`,
      summaryHeading: '要点',
      appendixTitle: (title: string) => `附表：${title}`,
      continued: '（续）',
    },
    print: {
      title: '打印版式',
      print: '打印 / 存为 PDF',
      close: '关闭打印版式',
      hint: '每页一张图（A4 横向）。在打印对话框中选择“另存为 PDF”即可得到 PDF 文件。',
      working: '正在准备打印版式…',
    },
    summary: {
      highest: (items: string) => `最高：${items}`,
      lowest: (items: string) => `最低：${items}`,
      rises: (items: string) => `同比升幅最大：${items}`,
      falls: (items: string) => `同比降幅最大：${items}`,
      noChange: (year: number) => `${year - 1}年无可比数据，未计算同比`,
      missing: (names: string, count: number) => `未报送（${count} 个）：${names}`,
      noneMissing: '全部镇街均已报送',
      noData: (year: number) => `${year}年无数据`,
      tied: (names: string) => `${names}（并列）`,
      item: (name: string, figure: string) => `${name} ${figure}`,
      withUnit: (value: string, unit: string) => `${value}${unit}`,
      pointsUnit: '个百分点',
      approxMark: '≈',
      itemSeparator: '，',
      listSeparator: '、',
      bestRanks: (items: string) => `排名靠前：${items}`,
      worstRanks: (items: string) => `排名靠后：${items}`,
      rankRises: (items: string) => `排名上升最多：${items}`,
      rankFalls: (items: string) => `排名下降最多：${items}`,
      rank: (rank: number, ranked: number) => `第${rank}/${ranked}名`,
      rankMove: (from: number, to: number) => `第${from}→${to}名`,
      missingIndicators: (names: string, count: number) => `本年未报送的指标（${count} 项）：${names}`,
    },
  },
};

export type Messages = typeof zh;
