import type { Messages } from './zh.ts';

export const en: Messages = {
  lang: 'en',
  appTitle: 'Township Rule-of-Law Indicators',
  switchLanguage: '中文',
  loading: 'Starting the database…',
  loadingSample: 'Loading the sample district…',
  sampleBanner:
    'You are looking at sample data (23 townships of Tongnan District, 2019–2024; synthetic except Baolong Town 2021, taken from its annual report).',
  clearSample: 'Clear sample data',
  emptyState: 'No data yet. Import the townships’ annual indicator CSV files.',
  indicator: 'Indicator',
  viewControls: 'Choose indicator and year',
  withUnit: (name, unit) => `${name} (${unit})`,
  year: 'Year',
  townships: 'Townships',
  allTownships: 'All townships',
  streetsOnly: 'Streets only',
  townsOnly: 'Towns only',
  trendTitle: (indicator) => `${indicator} by township over the years`,
  rankingTitle: (indicator, year) => `${indicator} ranking, ${year}`,
  tableTitle: (year) => `All indicators by township, ${year}`,
  districtAverage: 'Township average',
  notReported: 'Not reported',
  missingList: (names) => `Not reported: ${names}`,
  approximate: 'approximate',
  approxMark: '≈',
  rank: 'Rank',
  township: 'Township',
  source: (file, line, column) =>
    `Source: ${file}${line === null ? '' : `, row ${line}`}${column ? `, column ${column}` : ''}`,
  derivedSource: 'Computed from the counts',
  originalText: (text) => `As written: ${text}`,
  highlightLegend: 'Highlight townships',
  highlightHint:
    'Ticked townships are drawn in colour, the others faded; with none ticked, the two best and two worst of the year are highlighted.',
  resetHighlight: 'Reset highlight',
  latestYear: (year) => `${year} (latest)`,
  yearOption: (year) => String(year),
  dataSourceLine: (files) => `Source: townships' annual rule-of-law reports (${files} files)`,
  tableHint:
    'Click a header to sort; “≈” marks approximate values; hover a cell for its original text and source row.',
  errorTitle: 'Something went wrong',
  issueLocation: (file, line, column) =>
    `${file}${line === undefined ? '' : `, row ${line}`}${column === undefined ? '' : `, column ${column}`}`,
  issues: {
    empty: () => 'The file is empty.',
    xlsx: () =>
      'This is an Excel workbook (.xlsx), not a CSV. Open it in Excel or WPS and use Save As → CSV UTF-8.',
    xls: () =>
      'This is an old Excel workbook (.xls), not a CSV. Open it in Excel or WPS and use Save As → CSV.',
    binary: () => 'This is not a text table (perhaps an image, a PDF or another binary file).',
    'too-large': () => 'The file is larger than 200 MB. Split it by year or township and import the parts.',
    'no-header': () =>
      'No header row found (columns such as township, year, indicator, value, or one column per indicator).',
    'no-rows': () => 'The file has a header but no data rows.',
    'unknown-township': (raw, detail) =>
      `Township “${raw}” is not in the district’s list${detail ? `; did you mean ${detail}?` : '.'}`,
    'unknown-indicator': (raw) => `Indicator “${raw}” is not in the catalog.`,
    'bad-year': (raw) => `Cannot read the year “${raw}” (expected 2021, 2021年 or 2021年度).`,
    'invalid-value': (raw) => `Cannot read the value “${raw}”.`,
    'negative-count': (raw) => `The value “${raw}” is negative; counts cannot be negative.`,
    'duplicate-fact': (raw, detail) =>
      `Same township, year and indicator already on row ${detail ?? '?'}; “${raw}” on this row was not imported.`,
  },
};
