import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleDb } from '../../test/sample-district-db.ts';
import type { DbClient } from '../db/client.ts';
import { loadHeatmap, loadProfile } from '../db/overview-queries.ts';
import {
  type IndicatorInfo,
  listIndicators,
  listTownships,
  listYears,
  type TownshipRow,
} from '../db/queries.ts';
import { loadRankingWithChange } from '../db/ranking-queries.ts';
import { TONGNAN } from '../district/tongnan.ts';
import { zh } from '../messages/zh.ts';
import { type BasketItem, type BasketSource, mergeRebuilt, rebuildItems } from './basket-context.ts';
import { loadBasket, readBasket, saveBasket, writeBasket } from './basket-store.ts';
import {
  type BuildContext,
  type BuiltChart,
  buildChart,
  type ChartRecipe,
  type ChartRequest,
  loadRecipe,
  loadTrendData,
} from './chart-builds.ts';
import { loadFile } from './load-file.ts';

let db: DbClient;
let ctx: BuildContext;
let indicators: IndicatorInfo[];
let townships: TownshipRow[];
let years: number[];
/** One chart of each kind, as its view queries and builds it. */
const drawn: BuiltChart[] = [];

const RATE = 'mediation_success_rate';
const BAOLONG = '500152104';

beforeAll(async () => {
  db = await openSampleDb();
  townships = await listTownships(db);
  years = await listYears(db);
  indicators = await listIndicators(db);
  ctx = { t: zh, lang: 'zh', locale: zh.lang, townships, source: zh.dataSourceLine(1) };
  const indicator = (id: string) => {
    const found = indicators.find((i) => i.id === id);
    if (!found) throw new Error(`no indicator ${id}`);
    return found;
  };
  const recipes: ChartRecipe[] = [
    {
      kind: 'ranking',
      data: await loadRankingWithChange(db, RATE, 2021),
      indicator: indicator(RATE),
      highlighted: [BAOLONG],
      page: 0,
    },
    {
      kind: 'trend',
      data: await loadTrendData(db, 'disputes_mediated', 2021, 'value'),
      indicator: indicator('disputes_mediated'),
      year: 2021,
      picked: [],
    },
    {
      kind: 'heatmap',
      data: await loadHeatmap(db, RATE),
      indicator: indicator(RATE),
      mode: 'change',
      page: 0,
    },
    { kind: 'profile', data: await loadProfile(db, BAOLONG) },
  ];
  drawn.push(...recipes.map((recipe) => buildChart(ctx, recipe)));
});

afterAll(async () => {
  await db.close();
});

/** An option as text, each function by its source: two options alike draw alike. */
const optionText = (chart: BuiltChart) =>
  JSON.stringify(chart.option, (_key, value: unknown) =>
    typeof value === 'function' ? `fn:${String(value)}` : value,
  );

function source(from: DbClient = db): BasketSource {
  return { db: from, ctx, indicators, townships, years };
}

/** 宝龙镇's row of a ranking's table: township, rank, value, 同比, rank change. */
function baolongRow(chart: BuiltChart | null | undefined) {
  return chart?.table().rows.find((row) => row.cells[0] === '宝龙镇')?.cells;
}

/** A Storage held in memory, refusing every write when `full`. */
function memoryStorage(full = false): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      map.set(key, value);
    },
  };
}

describe('a meeting pack kept as requests', () => {
  it('queries and builds every kind of chart from its stored request exactly as its view drew it', async () => {
    const stored = readBasket(
      writeBasket(drawn.map((chart, i) => ({ request: chart.request, width: 900 + i }))),
    );
    expect(stored.map((s) => [s.request.kind, s.width])).toEqual([
      ['ranking', 900],
      ['trend', 901],
      ['heatmap', 902],
      ['profile', 903],
    ]);
    for (const [index, chart] of drawn.entries()) {
      const request = stored[index]?.request as ChartRequest;
      expect(request).toEqual(chart.request);
      const recipe = await loadRecipe(db, request, { indicators, townships, years });
      if (!recipe) throw new Error(`${request.kind} not drawn again`);
      const again = buildChart(ctx, recipe);
      expect(again.key).toBe(chart.key);
      expect(again.title).toBe(chart.title);
      expect(again.height).toBe(chart.height);
      expect(again.frame).toEqual(chart.frame);
      expect(optionText(again)).toBe(optionText(chart));
      expect(again.table()).toEqual(chart.table());
      expect(again.summary()).toEqual(chart.summary());
    }
  });

  it('draws a chart from the data as they are now: a corrected file changes the ranking in the pack', async () => {
    const own = await openSampleDb();
    try {
      const wanted = [{ id: 1, request: drawn[0]?.request as ChartRequest, width: 960 }];
      const before = (await rebuildItems(source(own), wanted)).get(1);
      expect(before?.title).toBe('2021年调解成功率排名');
      // The report: 92 of 94 disputes settled.
      expect(baolongRow(before)?.[2]).toBeCloseTo((92 / 94) * 100, 6);

      const correction = new TextEncoder().encode('镇街,年度,指标,数值\r\n宝龙镇,2021,调解纠纷,96\r\n');
      expect((await loadFile(own, correction, '宝龙镇更正.csv', TONGNAN.townships, false)).ok).toBe(true);
      const after = (await rebuildItems(source(own), wanted)).get(1);
      expect(baolongRow(after)?.[2]).toBeCloseTo((92 / 96) * 100, 6);
      expect(after?.width).toBe(960);
    } finally {
      await own.close();
    }
  });

  it('drops a chart that can no longer be drawn, and keeps one whose query failed for next time', async () => {
    const gone: ChartRequest = {
      kind: 'heatmap',
      indicatorId: 'custom:已撤销的指标',
      mode: 'value',
      page: 0,
    };
    const unknown: ChartRequest = { kind: 'profile', townshipCode: '500152999' };
    const built = await rebuildItems(source(), [
      { id: 1, request: gone, width: 960 },
      { id: 2, request: unknown, width: 960 },
      { id: 3, request: drawn[0]?.request as ChartRequest, width: 960 },
    ]);
    expect([...built.entries()].map(([id, item]) => [id, item?.title ?? null])).toEqual([
      [1, null],
      [2, null],
      [3, '2021年调解成功率排名'],
    ]);

    const failing: DbClient = { ...db, query: () => Promise.reject(new Error('database restarting')) };
    const unanswered = await rebuildItems(source(failing), [
      { id: 3, request: drawn[0]?.request as ChartRequest, width: 960 },
    ]);
    expect(unanswered.size).toBe(0);
  });

  it('after a change of the data: a chart gone is dropped, one not answered stays as it was or waits', async () => {
    const ranking = drawn[0]?.request as ChartRequest;
    const profile = drawn[3]?.request as ChartRequest;
    const gone: ChartRequest = {
      kind: 'heatmap',
      indicatorId: 'custom:已撤销的指标',
      mode: 'value',
      page: 0,
    };
    const fresh = await rebuildItems(source(), [
      { id: 1, request: ranking, width: 960 },
      { id: 2, request: profile, width: 700 },
    ]);
    const shown = [fresh.get(1), fresh.get(2)] as BasketItem[];
    const wanted = [
      { id: 1, request: ranking, width: 960 },
      { id: 2, request: gone, width: 700 },
      // Read from storage after a reload: not on the list yet.
      { id: 3, request: profile, width: 800 },
      { id: 4, request: ranking, width: 600 },
    ];
    // 1 and 3 answered, 2 gone, 4 not answered (its query failed).
    const built = new Map<number, BasketItem | null>([
      [1, fresh.get(1) ?? null],
      [2, null],
      [3, { ...(fresh.get(2) as BasketItem), id: 3, width: 800 }],
    ]);
    const merged = mergeRebuilt(shown, wanted, built);
    expect(merged.items.map((item) => [item.id, item.title])).toEqual([
      [3, '宝龙镇：各项指标历年变化与排名'],
      [1, '2021年调解成功率排名'],
    ]);
    expect(merged.pending.map((w) => w.id)).toEqual([4]);
    expect(merged.dropped).toBe(true);
    // Nothing answered at all (the database restarting): the list stays, nothing is written.
    const idle = mergeRebuilt(shown, wanted.slice(0, 2), new Map());
    expect(idle.items).toEqual(shown);
    expect(idle.dropped).toBe(false);
  });

  it('keeps nothing it cannot read back: not JSON, another version, an unknown kind, a bad field', () => {
    const good = { request: drawn[3]?.request, width: 960 };
    expect(readBasket(null)).toEqual([]);
    expect(readBasket('{"version":2,')).toEqual([]);
    expect(readBasket(JSON.stringify({ version: 1, items: [good] }))).toEqual([]);
    const ranking = drawn[0]?.request;
    const mixed = readBasket(
      JSON.stringify({
        version: 2,
        items: [
          { request: { kind: 'pie', indicatorId: RATE }, width: 960 },
          { request: ranking, width: -1 },
          { request: ranking, width: '960' },
          { request: { ...ranking, year: '2021' }, width: 960 },
          { request: { ...ranking, page: -1 }, width: 960 },
          { request: { kind: 'trend', indicatorId: RATE, year: null, mode: 'sum', picked: [] }, width: 960 },
          { request: { kind: 'profile', townshipCode: 42 }, width: 960 },
          good,
        ],
      }),
    );
    expect(mixed).toEqual([good]);
  });

  it('saves to the browser’s storage and says when the browser refuses', () => {
    const storage = memoryStorage();
    const items = [{ request: drawn[0]?.request as ChartRequest, width: 960 }];
    expect(saveBasket(storage, items)).toBe(true);
    expect(loadBasket(storage)).toEqual(items);
    expect(saveBasket(storage, [])).toBe(true);
    expect(storage.length).toBe(0);
    expect(saveBasket(memoryStorage(true), items)).toBe(false);
    expect(saveBasket(undefined, items)).toBe(false);
    expect(loadBasket(undefined)).toEqual([]);
  });
});
