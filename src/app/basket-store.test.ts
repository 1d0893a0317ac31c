import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleDb } from '../../test/sample-district-db.ts';
import type { DbClient } from '../db/client.ts';
import { loadHeatmap, loadProfile } from '../db/overview-queries.ts';
import { listIndicators, listTownships } from '../db/queries.ts';
import { loadRankingWithChange } from '../db/ranking-queries.ts';
import { loadTrendView } from '../db/trend-queries.ts';
import { zh } from '../messages/zh.ts';
import { restoreItems } from './basket-context.ts';
import { loadBasket, readBasket, type StoredChart, saveBasket, writeBasket } from './basket-store.ts';
import { type BuildContext, type BuiltChart, buildChart, type ChartRecipe } from './chart-builds.ts';

let db: DbClient;
let ctx: BuildContext;
const recipes: ChartRecipe[] = [];

beforeAll(async () => {
  db = await openSampleDb();
  ctx = {
    t: zh,
    lang: 'zh',
    locale: zh.lang,
    townships: await listTownships(db),
    source: zh.dataSourceLine(1),
  };
  const indicators = await listIndicators(db);
  const rate = indicators.find((i) => i.id === 'mediation_success_rate');
  const mediated = indicators.find((i) => i.id === 'disputes_mediated');
  const baolong = ctx.townships.find((x) => x.name === '宝龙镇');
  if (!rate || !mediated || !baolong) throw new Error('the sample district lacks what the test reads');
  const trend = await loadTrendView(db, mediated.id, 2021);
  recipes.push(
    {
      kind: 'ranking',
      data: await loadRankingWithChange(db, rate.id, 2021),
      indicator: rate,
      highlighted: [baolong.code],
      page: 0,
    },
    {
      kind: 'trend',
      data: { indicatorId: mediated.id, mode: 'value', ...trend },
      indicator: mediated,
      highlighted: [baolong.code],
    },
    { kind: 'heatmap', data: await loadHeatmap(db, rate.id), indicator: rate, mode: 'change', page: 0 },
    { kind: 'profile', data: await loadProfile(db, baolong.code) },
  );
});

afterAll(async () => {
  await db.close();
});

/** An option as text, each function by its source: two options alike draw alike. */
const optionText = (chart: BuiltChart) =>
  JSON.stringify(chart.option, (_key, value: unknown) =>
    typeof value === 'function' ? `fn:${String(value)}` : value,
  );

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

describe('a meeting pack kept as recipes', () => {
  it('builds every kind of chart again from its stored recipe exactly as the view built it', () => {
    const stored = readBasket(writeBasket(recipes.map((recipe, i) => ({ recipe, width: 900 + i }))));
    expect(stored.map((s) => [s.recipe.kind, s.width])).toEqual([
      ['ranking', 900],
      ['trend', 901],
      ['heatmap', 902],
      ['profile', 903],
    ]);
    for (const [index, recipe] of recipes.entries()) {
      const drawn = buildChart(ctx, recipe);
      const again = buildChart(ctx, stored[index]?.recipe ?? recipe);
      expect(again.key).toBe(drawn.key);
      expect(again.title).toBe(drawn.title);
      expect(again.height).toBe(drawn.height);
      expect(again.frame).toEqual(drawn.frame);
      expect(optionText(again)).toBe(optionText(drawn));
      expect(again.table()).toEqual(drawn.table());
      expect(again.summary()).toEqual(drawn.summary());
    }
  });

  it('the rebuilt ranking still carries the report’s figures: 宝龙镇 2021, 92 of 94 disputes settled', () => {
    const [ranking] = readBasket(writeBasket([{ recipe: recipes[0] as ChartRecipe, width: 960 }]));
    const chart = buildChart(ctx, ranking?.recipe as ChartRecipe);
    expect(chart.title).toBe('2021年调解成功率排名');
    const row = chart.table().rows.find((r) => r.cells[0] === '宝龙镇');
    // The report states 97 %; 92/94 is 97.87 %: the ranking shows what the view shows.
    expect(row?.cells[2]).toBeCloseTo((92 / 94) * 100, 1);
  });

  it('keeps nothing it cannot read back: not JSON, another version, an unknown kind, a bad width', () => {
    const good = { recipe: recipes[3], width: 960 };
    expect(readBasket(null)).toEqual([]);
    expect(readBasket('{"version":1,')).toEqual([]);
    expect(readBasket(JSON.stringify({ version: 2, items: [good] }))).toEqual([]);
    const mixed = readBasket(
      JSON.stringify({
        version: 1,
        items: [
          { recipe: { kind: 'pie', data: {} }, width: 960 },
          { recipe: recipes[0], width: -1 },
          { recipe: recipes[0], width: '960' },
          { recipe: { kind: 'ranking' }, width: 960 },
          good,
        ],
      }),
    );
    expect(mixed).toEqual([good]);
  });

  it('leaves out a stored chart that cannot be built, and keeps the others in their order', () => {
    const broken = { recipe: { kind: 'ranking', data: {} } as unknown as ChartRecipe, width: 960 };
    const stored: StoredChart[] = [
      { recipe: recipes[1] as ChartRecipe, width: 800 },
      broken,
      { recipe: recipes[0] as ChartRecipe, width: 700 },
    ];
    let id = 0;
    const items = restoreItems(stored, ctx, () => ++id);
    expect(items.map((item) => [item.title, item.width])).toEqual([
      ['调解纠纷：各镇街历年变化', 800],
      ['2021年调解成功率排名', 700],
    ]);
  });

  it('saves to the browser’s storage and says when the browser refuses', () => {
    const storage = memoryStorage();
    const items = [{ recipe: recipes[0] as ChartRecipe, width: 960 }];
    expect(saveBasket(storage, items)).toBe(true);
    expect(loadBasket(storage)).toEqual(items);
    expect(saveBasket(storage, [])).toBe(true);
    expect(storage.length).toBe(0);
    expect(saveBasket(memoryStorage(true), items)).toBe(false);
    expect(saveBasket(undefined, items)).toBe(false);
    expect(loadBasket(undefined)).toEqual([]);
  });
});
