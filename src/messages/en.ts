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
  customGroup: 'Custom indicators',
  district: {
    open: 'District',
    title: 'The district’s townships',
    current: (name, n) =>
      `District: ${name}, ${n} townships. Imports match township names against this list.`,
    custom: 'custom list',
    province: 'Province',
    city: 'City',
    area: 'District / county',
    choose: 'Choose…',
    adoptDivision: (name, n) => `Use the ${n} townships of ${name}`,
    editList:
      'Or paste or edit the list (one per line, “code,name” or just the name; change merged or renamed townships here):',
    applyList: 'Save list',
    listProblem: (line, message) => `Line ${line}: ${message}`,
    confirmHide: (names) =>
      `These townships have data; removed from the list, their data is no longer shown (it is not deleted): ${names}. Continue?`,
    saved: (n) => `Saved: ${n} townships.`,
  },
  tabs: {
    lockedTitle: 'The data is open in another tab',
    lockedText:
      'The dashboard keeps its data in this browser, and only one tab can use it at a time so nothing is corrupted. Switch to the open tab, or take the data over here (the other tab stops using it).',
    takeOver: 'Take over in this tab',
    handedOverTitle: 'Another tab took over the data',
    handedOverText: 'To keep the data safe, this tab stopped using it. Reload to continue here.',
    reload: 'Reload',
  },
  storage: {
    opfs: (used) => `Data is stored in this browser (${used} used) and is kept after closing.`,
    memory:
      'This browser cannot keep the data (the app must be opened over https or from this computer); imported data is lost when the page closes. Make a backup.',
  },
  importer: {
    open: 'Import data',
    close: 'Hide import',
    title: 'Import township indicator files',
    dropHint: 'Drop CSV files here, or',
    choose: 'choose files…',
    accepts:
      'Several files at once. Reads Excel/WPS “Save as CSV” (GBK or UTF-8), “Unicode text” (tab-separated), wide, long and one-township sheets.',
    template: 'Download a blank template',
    templateYear: 'Template year',
    reading: 'Reading…',
    committing: 'Importing…',
    committed: (facts) => `Imported ${facts} values.`,
    duplicate: (file, time) => `This file has the same content as “${file}”, imported ${time}; skipped.`,
    failed: (reason) => `Import failed; nothing was changed: ${reason}`,
    encoding: 'Text encoding',
    encodingDetected: ' (detected)',
    encodingChosen: ' (chosen)',
    encodings: {
      'utf-8': 'UTF-8',
      'utf-8-bom': 'UTF-8 with BOM (Excel “CSV UTF-8”)',
      'utf-16le': 'UTF-16LE (Excel “Unicode text”)',
      'utf-16be': 'UTF-16BE',
      gb18030: 'GBK / GB18030 (Excel, WPS “Save as CSV”)',
    },
    layout: 'Layout',
    layouts: {
      long: 'Long (township, year, indicator, value)',
      wide: 'Wide (one row per township)',
      sheet: 'One township’s sheet',
      unknown: 'Not recognised',
    },
    year: 'Year',
    yearSources: {
      column: 'from the year column',
      title: 'from the title row',
      'file-name': 'from the file name',
      option: 'entered by hand',
    },
    yearMissing: 'No year found; enter it',
    township: 'Township',
    townshipSources: {
      title: 'from the title row',
      'file-name': 'from the file name',
      option: 'chosen by hand',
    },
    rows: (rows, facts) => `${rows} data rows, ${facts} values`,
    columnsTitle: 'Headers and the indicators they map to',
    header: 'Header',
    mappedTo: 'Indicator',
    customIndicator: (label) => `New indicator: ${label}`,
    ignoreColumn: 'Do not import this column',
    roleColumn: '(township, year, row number, remarks …)',
    unknownTitle: 'Townships not in the district’s list',
    unknownRows: (lines) => `on rows ${lines}`,
    mapTownship: 'Map to',
    chooseTownship: 'Choose…',
    addTownship: 'Add as a new township',
    issuesTitle: (errors, warnings) => `${errors} errors, ${warnings} warnings`,
    error: 'Error',
    warning: 'Warning',
    rawText: (raw) => `As written: “${raw}”`,
    factsTitle: 'Values to import (by township and year)',
    conflictsTitle: (n) => `${n} values differ from stored data`,
    oldValue: 'Stored',
    newValue: 'This file',
    replace: 'Replace with this file’s values',
    keep: 'Keep the stored values',
    commit: 'Import',
    commitBlocked: 'Resolve the errors above before importing.',
    dismiss: 'Remove',
    newIndicatorsTitle: 'Indicators not in the catalog (map them to one, or keep them as new indicators)',
    amount: 'Contents',
    line: 'Row',
  },
  issueLocation: (file, line, column) =>
    `${file}${line === undefined ? '' : `, row ${line}`}${column === undefined ? '' : `, column ${column}`}`,
  issues: {
    empty: () => 'The file is empty. Check that you picked the right file.',
    xlsx: () =>
      'This is an Excel workbook (.xlsx), not a CSV. Open it in Excel or WPS and use Save As → CSV UTF-8.',
    xls: () =>
      'This is an old Excel workbook (.xls), not a CSV. Open it in Excel or WPS and use Save As → CSV.',
    binary: () =>
      'This is not a text table (perhaps an image, a PDF or another binary file). Choose a CSV file.',
    'too-large': () => 'The file is larger than 200 MB. Split it by year or township and import the parts.',
    'too-many-columns': (_raw, detail) =>
      `The table has ${detail ?? 'over 1,000'} columns, more than the limit of 1,000; it does not look like an indicator table. Check the file, or delete the extra columns.`,
    'no-header': () =>
      'No header row found. The table needs a row of column names: township, year, indicator, value — or a township column and one column per indicator.',
    'no-rows': () => 'The file has a header but no data rows. Check that you exported the filled-in sheet.',
    'no-year': () =>
      'No year found: the table has no year column and neither the title nor the file name contains a year. Choose the year in the preview.',
    'no-township': () =>
      'No township found: this is one township’s sheet, but neither its title nor the file name names the township. Choose the township in the preview.',
    'unknown-township': (raw, detail) =>
      `Township “${raw}” is not in the district’s list${detail ? `; did you mean ${detail}?` : '.'} Choose the township it stands for in the preview, or correct the name.`,
    'blank-township': () => 'This row has figures but no township name. Fill in the township.',
    'unknown-indicator': (raw, detail) =>
      `The indicator “${raw}” chosen earlier for “${detail ?? ''}” is no longer in the catalog; the column was recognised by its header instead. Choose its indicator again in the preview.`,
    'blank-indicator': (raw) =>
      `This row has the value “${raw}” but no indicator name. Fill in the indicator.`,
    'duplicate-indicator-column': (raw, detail) =>
      `Column “${raw}” and column ${detail ?? '?'} are the same indicator, so neither was imported. In the preview, choose another indicator for one of them, or ignore it.`,
    'unnamed-column': () =>
      'This column has figures but no header, so it was not imported. Write the indicator’s name in the header row to import it.',
    'bad-year': (raw) => `Cannot read the year “${raw}” (expected 2021, 2021年 or 2021年度).`,
    'invalid-value': (raw) =>
      `Cannot read the value “${raw}”. Write one number (94, 6000余, 97%); leave it blank or write “—” when not reported.`,
    'negative-count': (raw) => `The value “${raw}” is negative; indicator values cannot be negative.`,
    'duplicate-fact': (raw, detail) =>
      `Same township, year and indicator already on row ${detail ?? '?'}; “${raw}” on this row was not imported.`,
    'totals-mismatch': (raw, detail) =>
      `The total row says ${raw} but the townships above add up to ${detail ?? '?'}. Check the total or the townships’ figures.`,
    'successes-exceed-cases': (raw, detail) =>
      `Disputes mediated successfully (“${raw}”) exceed disputes mediated (“${detail ?? '?'}”). Check both figures.`,
    'taken-exceeds-due': (raw, detail) =>
      `Officials who sat the exam (“${raw}”) exceed those due to sit it (“${detail ?? '?'}”). Check both figures.`,
    'rate-out-of-range': (raw) => `The rate “${raw}” is above 100 %. Check it.`,
    'rate-disagrees': (raw, detail) =>
      `The reported rate “${raw}” does not match the rate computed from the counts (${detail ?? '?'}), neither cut nor rounded to the decimals written. Check the rate and both counts.`,
  },
};
