import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  clearSample,
  countFacts,
  type IndicatorInfo,
  listIndicators,
  listTownships,
  listYears,
} from '../db/queries.ts';
import { preloadChartGlyphs } from '../charts/load-chart-fonts.ts';
import { CATALOG, DEFAULT_INDICATOR_ID, getIndicator } from '../indicators/catalog.ts';
import { en } from '../messages/en.ts';
import { zh } from '../messages/zh.ts';
import { Picker } from '../ui/Picker.tsx';
import { SampleBanner } from '../ui/SampleBanner.tsx';
import { DataPanel } from './DataPanel.tsx';
import { DistrictSetup } from './DistrictSetup.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import type { RestartReason } from '../db/browser-client.ts';
import { BasketContext, useBasketState } from './basket-context.ts';
import { MeetingBasket } from './MeetingBasket.tsx';
import { type AppDb, DB_RESTARTED_EVENT } from './open-app-db.ts';
import { nameIn, type PageContext } from './page-context.ts';
import { HeatmapPage } from './pages/HeatmapPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { ProfilePage } from './pages/ProfilePage.tsx';
import { QualityPage } from './pages/QualityPage.tsx';
import { RankingPage } from './pages/RankingPage.tsx';
import { TablePage } from './pages/TablePage.tsx';
import { TrendPage } from './pages/TrendPage.tsx';
import { type PageComponent, ViewStack } from './pages/ViewStack.tsx';
import { type Lang, PAGES, type Page } from './url-state.ts';
import { useAsync } from './use-db-query.ts';
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

const CATALOG_GROUPS = new Map<string, keyof typeof GROUP_NAMES>(CATALOG.map((i) => [i.id, i.group]));

function groupName(id: string, lang: Lang, customGroup: string): string {
  const group = CATALOG_GROUPS.get(id);
  return group ? GROUP_NAMES[group][lang] : customGroup;
}

function formatBytes(bytes: number, locale: string): string {
  const mb = bytes / 1024 / 1024;
  return `${mb.toLocaleString(locale, { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}

/** Which pickers a page needs. */
const USES_INDICATOR: ReadonlySet<Page> = new Set(['trend', 'ranking', 'heatmap']);
const USES_YEAR: ReadonlySet<Page> = new Set(['overview', 'ranking', 'table']);

const PAGE_COMPONENTS: Record<Page, PageComponent> = {
  overview: OverviewPage,
  trend: TrendPage,
  ranking: RankingPage,
  heatmap: HeatmapPage,
  profile: ProfilePage,
  table: TablePage,
  quality: QualityPage,
};

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
  const [dataOpen, setDataOpen] = useState(false);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  const [restarted, setRestarted] = useState<RestartReason | null>(null);
  useEffect(() => {
    // After the database was reopened on the stored data, every view asks again.
    const onRestarted = (event: Event) => {
      setRestarted(
        event instanceof CustomEvent && event.detail === 'storage-full' ? 'storage-full' : 'crashed',
      );
      refresh();
    };
    window.addEventListener(DB_RESTARTED_EVENT, onRestarted);
    return () => window.removeEventListener(DB_RESTARTED_EVENT, onRestarted);
  }, [refresh]);

  const basics = useAsync(
    async () => ({
      years: await listYears(db),
      townships: await listTownships(db),
      counts: await countFacts(db),
      indicators: await listIndicators(db),
    }),
    [db, revision],
  );
  // While a refresh runs, the previous answer stays on screen (and open panels stay mounted).
  const known = basics.status === 'error' ? undefined : basics.data;
  const years = known?.years ?? [];
  const indicators = known?.indicators ?? [];
  const townships = known?.townships ?? [];
  const townshipList = townships.map((township) => `${township.code}\t${township.name}`).join('\n');
  const importSession = useImportSession(db, { revision, townshipList }, refresh);
  // An id from a pasted link that this database does not know falls back to the default.
  const indicator: IndicatorInfo =
    indicators.find((i) => i.id === view.indicatorId) ?? getIndicator(DEFAULT_INDICATOR_ID);
  const latest = years.at(-1) ?? null;
  const year = view.year !== null && years.includes(view.year) ? view.year : latest;
  const fileCount = known?.counts.imports ?? 0;

  // Glyphs of every name a chart may draw are loaded in idle time, before the user picks them.
  useEffect(
    () =>
      preloadChartGlyphs([
        ...indicators.flatMap((i) => [i.name.zh, i.name.en, i.unit.zh, i.unit.en]),
        ...townships.map((township) => township.name),
      ]),
    [indicators, townships],
  );

  const usage = useAsync(() => appDb.usage(), [appDb, revision]);
  const usedText = usage.status === 'ready' && usage.data !== null ? formatBytes(usage.data, locale) : '…';
  // A read-only copy of another tab's data: nothing here may change it.
  const readOnly = appDb.readOnly;

  const ctx: PageContext = useMemo(
    () => ({
      db,
      view,
      setView,
      t,
      lang,
      locale,
      revision,
      indicators,
      indicator,
      townships,
      years,
      year,
      latest,
      source: t.dataSourceLine(fileCount),
    }),
    [
      db,
      view,
      setView,
      t,
      lang,
      locale,
      revision,
      indicators,
      indicator,
      townships,
      years,
      year,
      latest,
      fileCount,
    ],
  );

  // The meeting pack's charts: held here, so they survive every change of view; kept in the
  // browser, and built again once the data's lists are read, and again each time they are
  // read anew (after every change of the data).
  const basketSource = useMemo(
    () =>
      known
        ? { db, ctx: { t, lang, locale, townships, source: ctx.source }, indicators, townships, years }
        : null,
    [known, db, t, lang, locale, townships, ctx.source, indicators, years],
  );
  const basket = useBasketState(basketSource);

  const customNames = useMemo(
    () =>
      Object.fromEntries(indicators.filter((i) => i.kind === 'custom').map((i) => [i.id, nameIn(lang, i)])),
    [indicators, lang],
  );

  const onClearSample = async () => {
    setBusy(true);
    try {
      await clearSample(db);
      // Only a checkpoint reaches the stored file: every change is followed by one.
      await db.checkpoint();
      setRevision((r) => r + 1);
    } finally {
      setBusy(false);
    }
  };

  const hasSample = (known?.counts.sampleImports ?? 0) > 0;
  const empty = known !== undefined && known.counts.facts === 0;

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
        if (readOnly || event.defaultPrevented || event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        setImportOpen(true);
        void importSession.addFiles([...event.dataTransfer.files]);
      }}
    >
      <header className="app-header">
        <h1>{t.appTitle}</h1>
        <div className="header-actions">
          {!readOnly && (
            <>
              <button type="button" aria-expanded={importOpen} onClick={() => setImportOpen((open) => !open)}>
                {importOpen ? t.importer.close : t.importer.open}
              </button>
              <button type="button" aria-expanded={dataOpen} onClick={() => setDataOpen((open) => !open)}>
                {t.data.open}
              </button>
              <button
                type="button"
                aria-expanded={districtOpen}
                onClick={() => setDistrictOpen((open) => !open)}
              >
                {t.district.open}
              </button>
            </>
          )}
          <button
            type="button"
            className="lang-switch"
            onClick={() => setView({ lang: view.lang === 'en' ? 'zh' : 'en' })}
          >
            {t.switchLanguage}
          </button>
        </div>
      </header>
      {readOnly ? (
        <p className="storage-status warn" role="note" data-storage="read-only">
          <strong>{t.tabs.readOnlyBanner}</strong>{' '}
          {t.tabs.readOnlyNote(new Date(appDb.snapshotTakenAt ?? Date.now()).toLocaleString(locale))}
        </p>
      ) : (
        <p
          className={`storage-status${appDb.storage === 'memory' ? ' warn' : ''}`}
          role="note"
          data-storage={appDb.storage}
        >
          {t.storage.kind[appDb.storage]} ·{' '}
          {appDb.storage === 'opfs'
            ? t.storage.opfs(usedText)
            : appDb.storage === 'indexeddb'
              ? t.storage.indexeddb(usedText)
              : t.storage.memory}
          {appDb.storage !== 'memory' && ` ${appDb.persisted ? t.storage.persisted : t.storage.mayBeCleared}`}
        </p>
      )}
      {restarted && (
        <p className="storage-status warn" role="status">
          {restarted === 'storage-full' ? t.tabs.reopenedStorageFull : t.tabs.restarted}{' '}
          <button type="button" onClick={() => setRestarted(null)}>
            {t.tabs.dismiss}
          </button>
        </p>
      )}
      {dataOpen && !readOnly && <DataPanel db={db} t={t} revision={revision} onChanged={refresh} />}
      {districtOpen && !readOnly && known && (
        <DistrictSetup db={db} t={t} townships={townships} onChanged={refresh} revision={revision} />
      )}
      {!readOnly && (importOpen || empty || importSession.files.length > 0) && known && (
        <ImportPanel
          db={db}
          t={t}
          lang={lang}
          session={importSession}
          townships={townships}
          defaultYear={latest ?? new Date().getFullYear()}
          customNames={customNames}
          onTownshipsChanged={refresh}
        />
      )}
      {hasSample && !readOnly && (
        <SampleBanner
          label={t.sampleLabel}
          text={t.sampleBanner}
          actionLabel={t.clearSample}
          onClear={onClearSample}
          busy={busy}
        />
      )}
      {empty && <p className="empty-state">{t.emptyState}</p>}
      {!empty && known && (
        <>
          <nav className="page-tabs" aria-label={t.viewControls}>
            {PAGES.map((page) => (
              <button
                key={page}
                type="button"
                aria-current={view.page === page ? 'page' : undefined}
                onClick={() => setView({ page })}
              >
                {t.pages[page]}
              </button>
            ))}
          </nav>
          <section className="controls" aria-label={t.viewControls}>
            {USES_INDICATOR.has(view.page) && (
              <Picker
                label={t.indicator}
                value={indicator.id}
                options={indicators.map((i) => ({
                  value: i.id,
                  label: nameIn(lang, i),
                  group: groupName(i.id, lang, t.customGroup),
                }))}
                onChange={(value) => setView({ indicatorId: value })}
              />
            )}
            {USES_YEAR.has(view.page) && (
              <Picker
                label={t.year}
                value={String(year ?? '')}
                options={[...years].reverse().map((y) => ({
                  value: String(y),
                  label: y === latest ? t.latestYear(y) : t.yearOption(y),
                }))}
                onChange={(value) => setView({ year: Number(value) })}
              />
            )}
          </section>
          <BasketContext value={basket}>
            <MeetingBasket db={db} t={t} locale={locale} />
            <main>
              <ViewStack active={view.page} ctx={ctx} pages={PAGE_COMPONENTS} />
            </main>
          </BasketContext>
        </>
      )}
    </div>
  );
}
