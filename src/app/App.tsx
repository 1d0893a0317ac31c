import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { buildRankingOption } from '../charts/build-ranking-option.ts';
import { buildTrendOption } from '../charts/build-trend-option.ts';
import { Chart } from '../charts/Chart.tsx';
import {
  clearSample,
  countFacts,
  type IndicatorInfo,
  listIndicators,
  listTownships,
  listYears,
  loadRanking,
  loadTrend,
  loadYearCells,
} from '../db/queries.ts';
import { CATALOG, DEFAULT_INDICATOR_ID, getIndicator } from '../indicators/catalog.ts';
import { en } from '../messages/en.ts';
import { zh } from '../messages/zh.ts';
import { pivotYearCells } from '../table/pivot-year-cells.ts';
import { YearTable, type YearTableLabels } from '../table/YearTable.tsx';
import { Picker } from '../ui/Picker.tsx';
import { SampleBanner } from '../ui/SampleBanner.tsx';
import { TownshipPicker } from '../ui/TownshipPicker.tsx';
import type { AppDb } from './open-app-db.ts';
import { useAsync } from './use-db-query.ts';
import type { Lang } from './url-state.ts';
import { DistrictSetup } from './DistrictSetup.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { useImportSession } from './use-import-session.ts';
import { useViewState } from './use-view-state.ts';

const GROUP_NAMES = {
  study: { zh: '学法', en: 'Study' },
  training: { zh: '培训', en: 'Training' },
  publicity: { zh: '普法宣传', en: 'Publicity' },
  service: { zh: '法律服务', en: 'Legal services' },
  mediation: { zh: '矛盾调解', en: 'Mediation' },
  exam: { zh: '学法考试', en: 'Law exam' },
  governance: { zh: '依法行政', en: 'Governance' },
  stability: { zh: '信访稳定', en: 'Stability' },
} as const;

const nameIn = (lang: Lang, i: IndicatorInfo) => (lang === 'en' ? i.name.en : i.name.zh);
const unitIn = (lang: Lang, i: IndicatorInfo) => (lang === 'en' ? i.unit.en : i.unit.zh);

function formatBytes(bytes: number, locale: string): string {
  const mb = bytes / 1024 / 1024;
  return `${mb.toLocaleString(locale, { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}

const CATALOG_GROUPS = new Map<string, keyof typeof GROUP_NAMES>(CATALOG.map((i) => [i.id, i.group]));

function groupName(id: string, lang: Lang, customGroup: string): string {
  const group = CATALOG_GROUPS.get(id);
  return group ? GROUP_NAMES[group][lang] : customGroup;
}

export function App({ appDb }: { readonly appDb: AppDb }) {
  const { db } = appDb;
  const [view, setView] = useViewState();
  const [revision, setRevision] = useState(0);
  const [busy, setBusy] = useState(false);
  const t = view.lang === 'en' ? en : zh;
  const locale = t.lang;
  const lang = view.lang;
  const [importOpen, setImportOpen] = useState(false);
  const [districtOpen, setDistrictOpen] = useState(false);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  const importSession = useImportSession(db, refresh);

  const basics = useAsync(
    async () => ({
      years: await listYears(db),
      townships: await listTownships(db),
      counts: await countFacts(db),
      indicators: await listIndicators(db),
    }),
    [db, revision],
  );
  const years = basics.status === 'ready' ? basics.data.years : [];
  const indicators = basics.status === 'ready' ? basics.data.indicators : [];
  // An id from a pasted link that this database does not know falls back to the default.
  const indicator: IndicatorInfo =
    indicators.find((i) => i.id === view.indicatorId) ?? getIndicator(DEFAULT_INDICATOR_ID);
  const indicatorId = indicator.id;
  const latest = years.at(-1) ?? null;
  const year = view.year !== null && years.includes(view.year) ? view.year : latest;

  const trend = useAsync(() => loadTrend(db, indicatorId), [db, indicatorId, revision]);
  const ranking = useAsync(year === null ? null : () => loadRanking(db, indicatorId, year), [
    db,
    indicatorId,
    year,
    revision,
  ]);
  const sorting: SortingState = view.sortBy ? [{ id: view.sortBy, desc: view.sortDesc }] : [];
  const cells = useAsync(
    year === null
      ? null
      : () =>
          loadYearCells(db, year, {
            indicatorId: view.sortBy === 'township' ? null : view.sortBy,
            desc: view.sortDesc,
          }),
    [db, year, view.sortBy, view.sortDesc, revision],
  );

  const rankingRows = ranking.status === 'ready' ? ranking.data.rows : [];
  const highlighted = useMemo(() => {
    if (view.highlighted.length > 0) return view.highlighted;
    const codes = rankingRows.map((r) => r.townshipCode);
    return codes.length <= 4 ? codes : [...codes.slice(0, 2), ...codes.slice(-2)];
  }, [view.highlighted, rankingRows]);

  const unit = unitIn(lang, indicator);
  const fileCount = basics.status === 'ready' ? basics.data.counts.imports : 0;
  const source = t.dataSourceLine(fileCount);

  const trendOption = useMemo(
    () =>
      trend.status === 'ready'
        ? buildTrendOption({
            points: trend.data,
            unit,
            title: t.trendTitle(nameIn(lang, indicator)),
            subtitle: `${unitIn(lang, indicator)} · ${source}`,
            highlighted,
            visible: [],
            approxMark: t.approxMark,
            locale,
          })
        : null,
    [trend, highlighted, indicator, source, t, unit, locale, lang],
  );
  const rankingOption = useMemo(
    () =>
      ranking.status === 'ready' && year !== null
        ? buildRankingOption({
            ranking: ranking.data,
            unit,
            title: t.rankingTitle(nameIn(lang, indicator), year),
            subtitle: [
              ranking.data.missing.length > 0 ? t.missingList(ranking.data.missing.join('、')) : '',
              source,
            ]
              .filter(Boolean)
              .join(' · '),
            averageLabel: t.districtAverage,
            approxMark: t.approxMark,
            highlighted: view.highlighted,
            locale,
          })
        : null,
    [ranking, view.highlighted, indicator, year, source, t, unit, locale, lang],
  );

  // While a re-sort runs, keep showing the previous rows rather than flashing an empty table.
  const cellData = cells.status === 'error' ? undefined : cells.data;
  const tableData = useMemo(
    () =>
      cellData
        ? pivotYearCells(cellData, basics.status === 'ready' ? basics.data.townships : [], indicators)
        : null,
    [cellData, basics, indicators],
  );
  const tableLabels: YearTableLabels = useMemo(
    () => ({
      township: t.township,
      approxMark: t.approxMark,
      notReported: t.notReported,
      derivedSource: t.derivedSource,
      source: t.source,
      originalText: t.originalText,
      indicatorName: (i) => nameIn(lang, i),
      unitName: (i) => unitIn(lang, i),
      withUnit: t.withUnit,
    }),
    [t, lang],
  );

  const onClearSample = async () => {
    setBusy(true);
    try {
      await clearSample(db);
      setRevision((r) => r + 1);
    } finally {
      setBusy(false);
    }
  };

  const hasSample = basics.status === 'ready' && basics.data.counts.sampleImports > 0;
  const empty = basics.status === 'ready' && basics.data.counts.facts === 0;

  const usage = useAsync(
    async () => (appDb.storage === 'opfs' ? ((await navigator.storage.estimate()).usage ?? 0) : 0),
    [appDb.storage, revision],
  );
  const usedText = usage.status === 'ready' ? formatBytes(usage.data, locale) : '…';

  const customNames = useMemo(
    () =>
      Object.fromEntries(indicators.filter((i) => i.kind === 'custom').map((i) => [i.id, nameIn(lang, i)])),
    [indicators, lang],
  );

  return (
    // Files dropped anywhere on the page go to the import panel; the panel's button is the keyboard way.
    // biome-ignore lint/a11y/noStaticElementInteractions: a page-wide drop target, not a control
    <div
      className="app"
      lang={locale}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) event.preventDefault();
      }}
      onDrop={(event) => {
        if (event.defaultPrevented || event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        setImportOpen(true);
        void importSession.addFiles([...event.dataTransfer.files]);
      }}
    >
      <header className="app-header">
        <h1>{t.appTitle}</h1>
        <div className="header-actions">
          <button type="button" aria-expanded={districtOpen} onClick={() => setDistrictOpen((open) => !open)}>
            {t.district.open}
          </button>
          <button type="button" aria-expanded={importOpen} onClick={() => setImportOpen((open) => !open)}>
            {importOpen ? t.importer.close : t.importer.open}
          </button>
          <button
            type="button"
            className="lang-switch"
            onClick={() => setView({ lang: view.lang === 'en' ? 'zh' : 'en' })}
          >
            {t.switchLanguage}
          </button>
        </div>
      </header>
      <p className={`storage-status${appDb.storage === 'opfs' ? '' : ' warn'}`} role="note">
        {appDb.storage === 'opfs' ? t.storage.opfs(usedText) : t.storage.memory}
      </p>
      {districtOpen && basics.status === 'ready' && (
        <DistrictSetup
          db={db}
          t={t}
          townships={basics.data.townships}
          onChanged={refresh}
          revision={revision}
        />
      )}
      {(importOpen || empty || importSession.files.length > 0) && basics.status === 'ready' && (
        <ImportPanel
          db={db}
          t={t}
          lang={lang}
          session={importSession}
          townships={basics.data.townships}
          defaultYear={latest ?? new Date().getFullYear()}
          customNames={customNames}
          onTownshipsChanged={refresh}
        />
      )}
      {hasSample && (
        <SampleBanner text={t.sampleBanner} actionLabel={t.clearSample} onClear={onClearSample} busy={busy} />
      )}
      {empty && <p className="empty-state">{t.emptyState}</p>}
      {!empty && (
        <>
          <section className="controls" aria-label={t.viewControls}>
            <Picker
              label={t.indicator}
              value={indicatorId}
              options={indicators.map((i) => ({
                value: i.id,
                label: nameIn(lang, i),
                group: groupName(i.id, lang, t.customGroup),
              }))}
              onChange={(value) => setView({ indicatorId: value })}
            />
            <Picker
              label={t.year}
              value={String(year ?? '')}
              options={[...years]
                .reverse()
                .map((y) => ({ value: String(y), label: y === latest ? t.latestYear(y) : t.yearOption(y) }))}
              onChange={(value) => setView({ year: Number(value) })}
            />
          </section>
          <div className="layout">
            <TownshipPicker
              legend={t.highlightLegend}
              hint={t.highlightHint}
              resetLabel={t.resetHighlight}
              townships={basics.status === 'ready' ? basics.data.townships : []}
              selected={view.highlighted}
              onChange={(selected) => setView({ highlighted: selected })}
            />
            <div className="charts">
              {trendOption && (
                <Chart option={trendOption} height={440} label={t.trendTitle(nameIn(lang, indicator))} />
              )}
              {rankingOption && year !== null && (
                <Chart
                  option={rankingOption}
                  height={Math.max(360, 90 + 22 * rankingRows.length)}
                  label={t.rankingTitle(nameIn(lang, indicator), year)}
                />
              )}
            </div>
          </div>
          {tableData && year !== null && (
            <section className="table-section">
              <p className="hint">{t.tableHint}</p>
              <YearTable
                data={tableData}
                sorting={sorting}
                onSortingChange={(next) => {
                  const first = next[0];
                  setView({ sortBy: first?.id ?? null, sortDesc: first?.desc ?? false });
                }}
                labels={tableLabels}
                locale={locale}
                caption={t.tableTitle(year)}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}
