import { SPREADSHEET_ERROR } from '../import/parse-value.ts';
import { isPartOfYear } from '../import/parse-year.ts';
import { findIndicator } from '../indicators/catalog.ts';
import type { Messages } from './zh.ts';

/** `1 value`, `2 values`. */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const en: Messages = {
  lang: 'en',
  appTitle: 'Township Rule-of-Law Indicators',
  switchLanguage: '中文',
  loading: 'Starting the database…',
  loadingSample: 'Loading the sample district…',
  sampleBanner:
    'You are looking at sample data (23 townships of Tongnan District, 2019–2024; synthetic except Baolong Town 2021, taken from its annual report).',
  sampleLabel: 'Sample data',
  clearSample: 'Clear sample data',
  emptyState: 'No data yet. Import the townships’ annual indicator CSV files.',
  indicator: 'Indicator',
  viewControls: 'Choose indicator and year',
  withUnit: (name, unit) => (unit === '' ? name : `${name} (${unit})`),
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
  sourceSeparator: ', ',
  derivedSource: 'Computed from the counts',
  originalText: (text) => `As written: ${text}`,
  highlightLegend: 'Highlight townships',
  highlightHint:
    'Ticked townships are drawn in colour, the others faded; with none ticked, the two best and two worst of the year are highlighted.',
  resetHighlight: 'Reset highlight',
  latestYear: (year) => `${year} (latest)`,
  yearOption: (year) => String(year),
  dataSourceLine: (files) => `Source: townships' annual rule-of-law reports (${count(files, 'file')})`,
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
    saved: (n) => `Saved: ${count(n, 'township')}.`,
  },
  tabs: {
    lockedTitle: 'The data is open in another tab',
    lockedText:
      'The dashboard keeps its data in this browser, and only one tab can use it at a time so nothing is corrupted. Switch to the open tab, or take the data over here (the other tab stops using it).',
    takeOver: 'Take over in this tab',
    handedOverTitle: 'Another tab took over the data',
    handedOverText: 'To keep the data safe, this tab stopped using it. Reload to continue here.',
    reload: 'Reload',
    restarted:
      'The database process stopped unexpectedly and was restarted; the stored data is intact. If your last action did not finish, please do it again.',
    reopenedStorageFull:
      'The browser ran out of storage space, so the last action was not saved; the stored data was reopened and is intact. Free some browser storage or delete data you no longer need, then try again.',
    dismiss: 'OK',
    lostTitle: 'The database process stopped',
    lostText:
      'This browser could not store the data, so what was imported in this page is gone. Reload to start again, and import the files once more.',
    lostSavedText: 'The stored data is intact. Reload the page to continue.',
    notSaved: 'Another tab took over the data; this change was not saved.',
    readOnly: 'View read-only',
    readOnlyLoading: 'Reading the data from the other tab…',
    readOnlyBanner: 'Read-only: the data is being edited in another tab',
    readOnlyNote: (time) =>
      `This is a copy of the data as of ${time}; it cannot be imported into or changed, and it is replaced by a new copy whenever the other tab saves a change.`,
    holderGoneTitle: 'The other tab was closed',
    holderGoneText: 'No tab is using the data any more. Reload to open it in this tab.',
    readOnlyFailed: (message) => `The other tab's data could not be read: ${message}`,
  },
  storage: {
    opfs: (used) => `Data is stored in this browser (${used} used) and is kept after closing.`,
    memory:
      'This browser cannot keep the data (the app must be opened over https or from this computer); imported data is lost when the page closes. Make a backup.',
    kind: {
      opfs: 'Storage: OPFS (browser file system)',
      indexeddb: 'Storage: IndexedDB (browser database)',
      memory: 'Storage: memory only',
    },
    indexeddb: (used) =>
      `Data is stored in this browser's database (${used} used), saved after every change and kept after closing.`,
    persisted: 'The browser granted persistent storage.',
    mayBeCleared: 'The browser may clear this data when disk space runs low; download backups regularly.',
  },
  data: {
    open: 'Data',
    title: 'Data: import history, backup and restore',
    historyTitle: 'Import history',
    file: 'File',
    time: 'Imported',
    encoding: 'Encoding',
    rows: 'Rows',
    facts: 'Values',
    replaced: 'Replaced',
    replacedText: (n, files) => (n === 0 ? '—' : `${count(n, 'value')} (from ${files})`),
    sample: 'sample data',
    undo: 'Undo this import',
    confirmUndo: (file, n) =>
      `Undo the import of “${file}”: its ${count(n, 'value')} ${n === 1 ? 'is' : 'are'} removed and the values it replaced are restored. Continue?`,
    undone: (file) => `The import of “${file}” was undone.`,
    noImports: 'No files imported yet.',
    exportTitle: 'Export',
    backupTitle: 'Backup and restore',
    backupHint:
      'The backup holds all data and the import history; restore it on another computer or open it with DuckDB.',
    backup: 'Download a backup',
    restore: 'Restore from a backup…',
    restoreInvalid: (message) => `Cannot restore: ${message} Nothing was changed.`,
    confirmRestore: (facts, imports, years, district) =>
      `The backup holds ${count(facts, 'value')} of ${district} (${count(imports, 'import')}, years ${years}). Restoring replaces all current data. Continue?`,
    restored: (facts) => `Restored: ${count(facts, 'value')}.`,
    backupSaved: (file) => `The backup “${file}” was downloaded; keep it in a safe place.`,
    checkingBackup: (file) => `Checking the backup “${file}”; the current data is not changed…`,
    backupContents: (file) => `Contents of the backup “${file}”`,
    backupDistrict: 'District',
    backupImports: 'Import records',
    backupFacts: 'Values',
    backupTownships: 'Townships',
    backupYears: 'Years',
    backupCount: (n) => String(n),
    backupFactCount: (n) => String(n),
    backupTownshipCount: (total, withData) => `${total} in the list, ${withData} with data`,
    backupNoDistrict: 'not recorded (old backup; restored as Tongnan District, Chongqing)',
    restoreWarning: (facts, imports) =>
      `Restoring replaces all current data (${count(facts, 'value')}, ${count(imports, 'import record')}) with the backup’s. This cannot be undone.`,
    confirmRestoreButton: 'Replace the current data with this backup',
    cancelRestore: 'Cancel',
    storageFull:
      'The browser is out of storage space: this operation was not saved, and the saved data is intact. Reload the page, free some space and try again.',
    backupUnverified:
      'The backup file did not pass its read-back check and was not downloaded. Try again; if it fails again, save the data with “Export all values (CSV)” first.',
    restoring: 'Restoring the backup; do not close the page…',
    restoreCancelled: 'Restore cancelled; nothing was changed.',
    backupRefused: {
      'not-duckdb':
        'The file is not a backup made by this app (backups end in .duckdb and come from “Download a backup”).',
      foreign: 'The file is another program’s database, not a backup of this app.',
      newer: 'This backup was made by a newer version of the app; upgrade before restoring it.',
      corrupt:
        'The backup is damaged or incomplete (perhaps cut off while downloading or copying) and cannot be read.',
    },
    exportCsv: 'Export all values (CSV)',
    resetTitle: 'Delete all data',
    reset: 'Delete all data…',
    confirmReset: (facts, imports, years) =>
      `This deletes all ${count(facts, 'value')} and ${count(imports, 'import record')} (years ${years}); the township list stays. This cannot be undone; download a backup first. Delete?`,
    resetDone: 'All data was deleted.',
    failed: (message) => `The operation failed and nothing was changed: ${message}`,
    quota:
      'The browser is out of storage space. The operation was rolled back and the earlier data is intact. Free some space and try again.',
  },
  pages: {
    overview: 'Overview',
    trend: 'Trend',
    ranking: 'Ranking',
    heatmap: 'Heatmap',
    profile: 'Township profile',
    table: 'Comparison table',
    quality: 'Data quality',
  },
  asTable: 'Show the chart’s data as a table',
  mode: { value: 'Value', change: 'Year-over-year change' },
  showAs: 'Show',
  median: 'Median',
  iqr: 'Interquartile range',
  changeLabel: 'YoY',
  pointsUnit: 'pp',
  noChange: 'no previous year',
  rankLabel: (rank, ranked, year) => `${year === undefined ? '' : `${year}: `}#${rank} of ${ranked}`,
  heatmapTitle: (indicator) => `${indicator} by township and year`,
  profileTitle: (township) => `${township}: every indicator over the years, with its rank`,
  chooseTownship: 'Township',
  search: 'Search townships',
  selectAll: 'All',
  selectStreets: 'Streets only',
  selectTowns: 'Towns only',
  keyFiguresTitle: (year) => `District key figures, ${year}`,
  previousYear: (year, value) => `Previous year (${year}): ${value}`,
  comparableNote: (n) => `over the ${n} townships that reported both years`,
  townshipsReported: (n, total) => `${n} of ${total} townships reported`,
  approxCount: (n) => (n > 0 ? `${n} approximate` : ''),
  completenessTitle: 'Reports received (township × year)',
  completeness: { complete: 'complete', partial: 'partial', missing: 'missing' },
  completenessCounts: (year, c, p, m) => `${year}: ${c} complete, ${p} partial, ${m} missing`,
  fewReports: (n, total) => `Note: only ${n} of ${total} townships reported this indicator this year.`,
  qualityTitle: (n) => `Data quality warnings (${n})`,
  qualityKinds: {
    'rate-disagrees': 'Rate disagrees with counts',
    'successes-exceed-cases': 'Successes exceed cases',
    'taken-exceeds-due': 'More sat than were due',
    'missing-year': 'Report missing',
    'missing-indicator': 'Indicator missing',
    'outlier-history': 'Far from own history',
    'outlier-district': 'Far from the district',
    approximate: 'Approximate',
  },
  kind: 'Kind',
  message: 'Details',
  whereFrom: 'Source',
  goTo: 'Show',
  allKinds: 'All kinds',
  rankChange: 'Rank change',
  filterTownships: 'Filter townships',
  columnsShown: 'Indicator columns shown',
  showChange: 'Show YoY columns',
  viewText: {
    colon: ': ',
    listSeparator: ', ',
    parens: (text) => ` (${text})`,
    rankInline: (rank) => ` (rank ${rank})`,
    sourcePlace: (file, line, column) =>
      `${file}${line === null ? '' : `, line ${line}`}${column ? `, column ${column}` : ''}`,
    profileTableCaption: (township) => `${township}: every indicator’s values and ranks by year`,
    indicatorColumn: 'Indicator',
    pageRange: (from, to, total) => `Townships ${from}–${to} of ${total}`,
    previousPage: 'Previous page',
    nextPage: 'Next page',
    rankRange: (first, last, ranked) => `Ranks ${first}–${last} of ${ranked} townships ranked`,
    showAllRows: (total) => `Show all ${total} townships`,
  },
  qualityText: {
    'rate-disagrees': (p) => {
      const [n, d] = p.related;
      return `${p.township} reported ${p.indicator} as “${p.written}” for ${p.year}, but its counts give ${n?.name} ${n?.value} ÷ ${d?.name} ${d?.value} = ${p.reference}%, and neither cutting nor rounding that to the decimals written matches. Check the rate and both counts.`;
    },
    'successes-exceed-cases': (p) =>
      `${p.township} ${p.year}: ${p.indicator} “${p.written}” is more than ${p.related[0]?.name} “${p.related[0]?.written}”, which it can never exceed. Check both figures.`,
    'taken-exceeds-due': (p) =>
      `${p.township} ${p.year}: ${p.indicator} “${p.written}” is more than ${p.related[0]?.name} “${p.related[0]?.written}”, which it can never exceed. Check both figures.`,
    'missing-year': (p) =>
      `${p.township} has no data at all for ${p.year}, while ${p.compared} ${p.compared === 1 ? 'township' : 'townships'} of the district reported that year. Ask for the report or enter it.`,
    'missing-indicator': (p) =>
      `${p.township} ${p.year}: “${p.indicator}” is missing, while ${p.having} of the ${p.compared} other townships that reported that year gave it. Check whether it was left out.`,
    'outlier-history': (p) =>
      `${p.township} ${p.year}: ${p.indicator} is “${p.written}”, far from the township’s ${p.compared} other ${p.compared === 1 ? 'year' : 'years'} (median ${p.reference}). Check whether it was mistyped.`,
    'outlier-district': (p) =>
      `${p.township} ${p.year}: ${p.indicator} is “${p.written}”, far from the ${p.compared} other ${p.compared === 1 ? 'township' : 'townships'} that year (median ${p.reference}). Check whether it was mistyped.`,
    approximate: (p) =>
      `${p.township} ${p.year}: ${p.indicator} was written as the approximation “${p.written}”; it counts as ${p.value} in totals and charts and is marked approximate.`,
  },
  importer: {
    open: 'Import data',
    close: 'Hide import',
    title: 'Import township indicator files',
    dropHint: 'Drop CSV files here, or',
    choose: 'choose files…',
    accepts:
      'Several files at once. Reads Excel/WPS “Save as CSV” (GBK or UTF-8), “Unicode text” (tab-separated), wide, long and one-township sheets, and tables with the indicators down the side and a column per township or year.',
    template: 'Download a blank template',
    templateYear: 'Template year',
    reading: 'Reading…',
    committing: 'Importing…',
    committed: (facts) => `Imported ${count(facts, 'value')}.`,
    duplicate: (file, time) => `This file has the same content as “${file}”, imported ${time}; skipped.`,
    storageFull:
      'the browser ran out of storage space, so this file was not stored; the earlier data is intact. Free some browser storage or delete data you no longer need, then try again.',
    failed: (reason) => `Import failed; nothing was changed: ${reason}`,
    fileUnreadable:
      'This file was changed, moved or deleted after it was chosen, and the browser can no longer read it. Remove this card and choose the file again.',
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
      transposed: 'Transposed (one row per indicator, one column per township)',
      unknown: 'Not recognised',
    },
    year: 'Year',
    yearSources: {
      column: 'from the year column',
      header: 'from the header (one column per year)',
      tables: 'from the title of each table (several tables in one file)',
      title: 'from the title row',
      'file-name': 'from the file name',
      option: 'entered by hand',
    },
    yearMissing: 'No year found; enter it',
    township: 'Township',
    townshipSources: {
      title: 'from the title row',
      note: 'from a note row above or below the table (填报单位 …)',
      'file-name': 'from the file name',
      option: 'chosen by hand',
      header: 'from the header (one column per township)',
    },
    rows: (rows, facts) => `${count(rows, 'data row')}, ${count(facts, 'value')}`,
    columnsTitle: 'Headers and the indicators they map to',
    header: 'Header',
    mappedTo: 'Indicator',
    storedIndicator: (label) => `The district’s own indicator: ${label}`,
    storedIndicatorsGroup: 'The district’s own indicators',
    customIndicator: (label) => `New indicator: ${label}`,
    ignoreColumn: 'Do not import this column',
    roleColumn: '(township, year, row number, remarks …)',
    unknownTitle: 'Townships not in the district’s list',
    unknownRows: (lines) => `on rows ${lines}`,
    mapTownship: 'Map to',
    chooseTownship: 'Choose…',
    addTownship: 'Add as a new township',
    issuesTitle: (errors, warnings) => `${count(errors, 'error')}, ${count(warnings, 'warning')}`,
    error: 'Error',
    warning: 'Warning',
    rawText: (raw) => `As written: “${raw}”`,
    firstShown: (n) => `(Many; only the first ${n} are listed here.)`,
    factsTitle: 'Values to import (by township and year)',
    conflictsTitle: (n) => `${count(n, 'value differs', 'values differ')} from stored data`,
    conflictsChanged:
      'The stored data changed after this file was read (another file was imported, say). These are the values it would replace or keep now: check them, then press its “Import”; “Import all ready files” does not confirm them for you.',
    oldValue: 'Stored',
    newValue: 'This file',
    replace: 'Replace with this file’s values',
    keep: 'Keep the stored values',
    commit: 'Import',
    commitBlocked: 'Resolve the errors above before importing.',
    commitAll: (n) => `Import all ready files (${n})`,
    committingAll: 'Importing one file after another…',
    commitAllHint: (blocked) =>
      `Files are imported in the order below, each whole or not at all; values that differ from stored ones are replaced or kept as each file says. A file whose values differ from those of a file imported before it stops and waits for you to check them.${
        blocked > 0
          ? ` ${blocked} ${blocked === 1 ? 'file has' : 'files have'} errors and will not be imported until they are resolved.`
          : ''
      }`,
    dismiss: 'Remove',
    newIndicatorsTitle: 'Indicators not in the catalog (map them to one, or keep them as new indicators)',
    amount: 'Contents',
    columnLetter: 'Column',
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
    'no-year': (raw) =>
      raw
        ? `The year is written “${raw}”, which counts from the file’s year, but neither the title nor the file name contains a year. Enter the year in the preview, or write it in the title or the file name.`
        : 'No year found: the table has no year column and neither the title nor the file name contains a year. Choose the year in the preview.',
    'part-of-year': (raw, detail) =>
      `The ${detail === 'file-name' ? 'file name' : 'title'} says “${raw}”: the figures cover part of a year, not the whole year. Only whole years are imported, so that years and townships compare. Import the whole year’s figures; if these are in fact the whole year’s, choose the year in the preview or correct the ${detail === 'file-name' ? 'file name' : 'title'} and import again.`,
    'year-differs': (raw, detail) => {
      const [source, year] = (detail ?? '').split(':');
      return `The year column says ${raw}, but the ${source === 'file-name' ? 'file name' : 'title'} says ${year ?? '?'}; each row is imported with its year column’s year. Check whether last year’s sheet was reused.`;
    },
    'file-name-differs': (raw, detail) => {
      const [kind, chosen] = (detail ?? '').split(':');
      return kind === 'year'
        ? `The file name says ${raw} but the title says ${chosen ?? '?'}; the title’s year is used. Check it, and change the year in the preview if need be.`
        : `The file name says “${raw}” but the title says “${chosen ?? '?'}”; the title’s township is used. Check it, and change the township in the preview if need be.`;
    },
    'no-township': (raw, detail) =>
      raw
        ? `This is one township’s sheet, and “${raw}” in its title or file name is not in the district’s list${detail ? `; did you mean ${detail}?` : '.'} Choose the township in the preview, or correct the name.`
        : 'No township found: this is one township’s sheet, but neither its title nor the file name names the township. Choose the township in the preview.',
    'unknown-township': (raw, detail) =>
      `Township “${raw}” is not in the district’s list${detail ? `; did you mean ${detail}?` : '.'} Choose the township it stands for in the preview, or correct the name.`,
    'township-code-mismatch': (raw, detail) =>
      `The division code “${raw}” is ${detail ?? '?'}’s, not the township named on this row; the row was imported under the name. Check the code or the name.`,
    'blank-township': () => 'This row has figures but no township name. Fill in the township.',
    'unknown-indicator': (raw, detail) =>
      `The indicator “${raw}” chosen earlier for “${detail ?? ''}” is no longer in the catalog; the column was recognised by its header instead. Choose its indicator again in the preview.`,
    'blank-indicator': (raw) =>
      `This row has the value “${raw}” but no indicator name. Fill in the indicator.`,
    'duplicate-indicator-column': (raw, detail) => {
      const several = (detail ?? '').includes('、');
      return `Column “${raw}” and ${several ? `columns ${(detail ?? '').replaceAll('、', ', ')}` : `column ${detail ?? '?'}`} are the same indicator, so ${several ? 'none of them was' : 'neither was'} imported. In the preview, choose another indicator for ${several ? 'all but one' : 'one of them'}, or ignore ${several ? 'them' : 'it'}.`;
    },
    'unnamed-column': () =>
      'This column has figures but no header, so it was not imported. Write the indicator’s name in the header row to import it.',
    'bad-year': (raw) =>
      isPartOfYear(raw)
        ? `“${raw}” is only part of a year. Only whole-year figures are imported: give the year's figure, with the year written 2021 or 2021年1-12月.`
        : `Cannot read the year “${raw}” (expected 2021, 2021年 or 2021年度).`,
    'split-number': (raw) =>
      `“${raw}” looks like one number whose thousands comma split it into two cells, shifting every figure after it; the row was not imported. Write it without the comma (“${raw.replace(',', '')}”), or save the sheet as CSV from Excel or WPS, which quotes such numbers.`,
    'extra-cells': (raw, detail) =>
      `This row has “${raw}” right of the header’s last column (${detail ?? '?'}): a cell too many, from a stray delimiter or a comma that was not quoted, so its figures may sit in the wrong columns; the row was not imported. Check the row: delete the extra cell, or quote text that holds a comma (Excel and WPS do when saving as CSV).`,
    'unclosed-quote': (raw, detail) =>
      `This cell (${raw}) opens a quote that is never closed, so the ${detail ?? '?'} lines below it were read into this one cell and the file cannot be read as it is. Close the quote at the end of the cell’s text, or delete the opening quote, and import the file again.`,
    'fractional-count': (raw, detail) =>
      `“${raw}” has decimals, but this indicator counts ${detail ?? '?'} and is a whole number. Check whether a rate was typed here, or a dot for the thousands comma (6.000 for 6000).`,
    'invalid-value': (raw) =>
      SPREADSHEET_ERROR.test(raw.trim())
        ? `This cell holds Excel’s error value “${raw}”, not a number: a formula failed (a cell it refers to was deleted, a lookup found nothing, a wrong type). Correct the formula in the original sheet, or clear the cell, and export again.`
        : `Cannot read the value “${raw}”. Write one number (94, 6000余, 97%); leave it blank or write “—” when not reported.`,
    'future-year': (raw, detail) =>
      `The year is ${raw}, later than this year (${detail ?? '?'}): no report is of a year still to come, so the year is probably mistyped (2091 for 2019, say). Check the year (in the year column, the title or the file name, or the one chosen in the preview).`,
    'year-as-header': (raw) =>
      `The header “${raw}” is a year, not an indicator: nothing says which indicator this column holds, so it was not imported. Write the indicator beside the year in the header (such as “调解纠纷 ${raw}”), or lay the table out with a column per indicator and a year column.`,
    'divide-by-zero': (raw) =>
      `This cell holds Excel’s “${raw}” (a formula divided by zero, such as a success rate where no case was mediated): there is no figure, so it is treated as missing and not imported. If a figure belongs here, check the formula in the original sheet.`,
    'negative-count': (raw) => `The value “${raw}” is negative; indicator values cannot be negative.`,
    'duplicate-fact': (raw, detail) => {
      const [line, column] = (detail ?? '?').split(':');
      return column
        ? `Same township, year and indicator already in column ${column} of this row (two columns stand for one township); “${raw}” in this cell was not imported. Check the two columns’ township names or how they were matched in the preview.`
        : `Same township, year and indicator already on row ${line}; “${raw}” on this row was not imported.`;
    },
    'restated-differs': (raw, detail) =>
      `“${raw}” under last year’s column differs from the same township’s figure for that year on row ${detail ?? '?'}; the figure reported for the year itself (row ${detail ?? '?'}) was imported. Check them.`,
    'rate-as-fraction': (raw, detail) =>
      `Every figure of this rate is written as a fraction from 0 to 1 (such as “${raw}”), so they were read as percentages (${raw} as ${detail ?? '?'}%). Check them.`,
    'subtotal-mismatch': (raw, detail) =>
      `The subtotal row says ${raw} but the townships it sums add up to ${detail ?? '?'}. Check the subtotal or the townships’ figures.`,
    'totals-mismatch': (raw, detail) =>
      `The total row says ${raw} but the townships it totals add up to ${detail ?? '?'}. Check the total or the townships’ figures.`,
    'percent-for-count': (raw, detail) =>
      `This indicator is counted in “${detail ?? '?'}”, but the cell holds the percentage “${raw}”: is it in a rate’s place? Check it.`,
    'unit-mismatch': (raw, detail) =>
      `This indicator is counted in “${detail ?? '?'}”, but “${raw}” is written in a unit that counts something else (people for events, say), or sits in the wrong row or column. Check it.`,
    'unit-differs': (raw, detail) => {
      const indicator = detail === undefined ? undefined : findIndicator(detail);
      const name = indicator?.name.en ?? detail ?? '?';
      return `The unit is written “${raw}”, but the catalog’s “${name}” is counted in “${indicator?.unit.en ?? '?'}”: they count different things, so this was not taken as “${name}” but imported as the file’s own indicator. If it is “${name}” after all (a wrong unit), map it to “${name}” in the preview.`;
    },
    'unit-scaled': (raw, detail) =>
      `The unit is written “${raw}”: the figures were multiplied by “${raw.slice(0, raw.length - (detail ?? '').length)}” and imported in “${detail ?? '?'}”. Check the conversion.`,
    'totals-column-mismatch': (raw, detail) =>
      `The total column says ${raw} but the townships to its left add up to ${detail ?? '?'}. Check the total or the townships’ figures.`,
    'successes-exceed-cases': (raw, detail) =>
      `Disputes mediated successfully (“${raw}”) exceed disputes mediated (“${detail ?? '?'}”). Check both figures.`,
    'taken-exceeds-due': (raw, detail) =>
      `Officials who sat the exam (“${raw}”) exceed those due to sit it (“${detail ?? '?'}”). Check both figures.`,
    'rate-out-of-range': (raw) => `The rate “${raw}” is above 100 %. Check it.`,
    'rate-disagrees': (raw, detail) =>
      `The reported rate “${raw}” does not match the rate computed from the counts (${detail ?? '?'}), neither cut nor rounded to the decimals written. Check the rate and both counts.`,
  },
  exports: {
    chartMenu: 'Export chart',
    png: (ratio) => `Download PNG (${ratio}×)`,
    svg: 'Download SVG (vector)',
    copy: 'Copy image',
    copied: 'Image copied: paste it into PowerPoint or Word.',
    copyFailed:
      'The browser does not allow copying images here (it needs https or localhost). Download the PNG instead.',
    working: 'Preparing…',
    failed: (message) => `Export failed: ${message}`,
    csv: 'Export CSV',
    xlsx: 'Export Excel',
    tableActions: 'Export table',
    addToBasket: 'Add to meeting pack',
    inBasket: 'In the meeting pack',
    pngSuffix: (ratio) => `_${ratio}x`,
    tableFile: (title) => `${title}_data`,
    comparisonFile: (year) => `${year} township comparison`,
    pagedTitle: (title, part) => `${title} (${part})`,
    rankPart: (first, last) => `ranks ${first}–${last}`,
    rowPart: (from, to) => `townships ${from}–${to}`,
    madeOn: (date) =>
      `Made on ${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`,
    years: (from, to) => (from === to ? `${from}` : `${from}–${to}`),
    comparedWith: (year) => `change on ${year}`,
    allTownships: (n) => `all ${n} townships`,
    reportedOf: (reported, total) => `${reported} of ${total} townships reported`,
    missing: (names) => `Not reported: ${names}`,
    highlighted: (names) => `Highlighted: ${names}`,
    indicatorCount: (n) => `${count(n, 'indicator')}`,
    separator: ' · ',
    approxColumn: (header) => `${header} approximate`,
    approxFlag: 'approximate',
    basket: {
      title: (n) => `Meeting pack (${n} ${n === 1 ? 'chart' : 'charts'})`,
      empty:
        'No charts yet. Click “Add to meeting pack” under any chart to collect it here, order them, then download once.',
      keptInBrowser:
        'The pack is kept in this browser: it is still here after a reload or when the page is opened again, and its charts are always drawn from the data as they are now.',
      keptInPage:
        'The browser cannot keep the pack (its storage is full or switched off), so it lives in this page only: reloading or closing the page empties it, and the browser asks first.',
      moveUp: 'Move up',
      moveDown: 'Move down',
      remove: 'Remove',
      clear: 'Clear',
      download: 'Download PowerPoint',
      print: 'Print layout (save as PDF)',
      fileName: (year) => (year === null ? 'Meeting pack' : `Meeting pack ${year}`),
      working: 'Preparing the PowerPoint…',
      done: (name) => `Downloaded ${name}`,
    },
    deck: {
      deckTitle: (year) => `Township rule-of-law indicators${year === null ? '' : ` ${year}`}: meeting pack`,
      madeOn: (date) =>
        `Made on ${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`,
      summaryHeading: 'Key points',
      appendixTitle: (title) => `Appendix: ${title}`,
      continued: ' (continued)',
    },
    print: {
      title: 'Print layout',
      print: 'Print / save as PDF',
      close: 'Close print layout',
      hint: 'One chart per page (A4 landscape). Choose “Save as PDF” in the print dialog to get a PDF file.',
      working: 'Preparing the print layout…',
    },
    summary: {
      highest: (items) => `Highest: ${items}`,
      lowest: (items) => `Lowest: ${items}`,
      rises: (items) => `Largest rises on the year before: ${items}`,
      falls: (items) => `Largest falls on the year before: ${items}`,
      noChange: (year) => `No figures for ${year - 1} to compare with`,
      missing: (names, count) => `Not reported (${count}): ${names}`,
      noneMissing: 'Every township reported',
      noData: (year) => `No data for ${year}`,
      tied: (names) => `${names} (tied)`,
      item: (name, figure) => `${name} ${figure}`,
      withUnit: (value, unit) => `${value} ${unit}`,
      pointsUnit: 'points',
      approxMark: '≈',
      itemSeparator: '; ',
      listSeparator: ', ',
      bestRanks: (items) => `Best ranks: ${items}`,
      worstRanks: (items) => `Worst ranks: ${items}`,
      rankRises: (items) => `Largest rises in rank: ${items}`,
      rankFalls: (items) => `Largest falls in rank: ${items}`,
      rank: (rank, ranked) => `${rank} of ${ranked}`,
      rankMove: (from, to) => `${from} → ${to}`,
      missingIndicators: (names, count) => `Not reported this year (${count}): ${names}`,
    },
  },
};
