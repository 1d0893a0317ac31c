import { describe, expect, it } from 'vitest';
import type { RankingWithChange } from '../db/ranking-queries.ts';
import { buildProfileOption, profileChartHeight } from './build-profile-option.ts';
import { buildRankingOption } from './build-ranking-option.ts';
import { FOOTER_HEIGHT, frameForExport, textWidth, wrapLine } from './export-frame.ts';
import { renderChartSvgText } from './render-chart-image.ts';

const RANKING: RankingWithChange = {
  indicatorId: 'disputes_mediated',
  year: 2021,
  previousYear: 2020,
  average: 110,
  median: 112,
  missing: ['梓潼街道'],
  rows: [
    {
      townshipCode: '500152001',
      townshipName: '桂林街道',
      value: 130,
      approximate: false,
      rank: 1,
      previousValue: 120,
      previousApproximate: false,
      change: 10,
      relativeChange: 10 / 120,
      previousRank: 1,
      rankChange: 0,
    },
    {
      townshipCode: '500152104',
      townshipName: '宝龙镇',
      value: 94,
      approximate: false,
      rank: 2,
      previousValue: 91,
      previousApproximate: false,
      change: 3,
      relativeChange: 3 / 91,
      previousRank: 2,
      rankChange: 0,
    },
  ],
};

const FRAME = {
  title: '2021年调解纠纷排名',
  subtitle: ['调解纠纷（件） · 2021年 · 同比对比 2020年', '23 个镇街中 22 个报送 · 未报送：梓潼街道'],
  source: '数据来源：各镇街年度法治政府建设报告（1 个文件）',
  madeOn: '制图日期：2024年5月1日',
};

const option = buildRankingOption({
  ranking: RANKING,
  unit: '件',
  title: '2021年调解纠纷排名',
  subtitle: '数据来源：各镇街年度法治政府建设报告（1 个文件）',
  averageLabel: '镇街平均',
  approxMark: '≈',
  highlighted: [],
  locale: 'zh-CN',
});

describe('frameForExport', () => {
  const size = { width: 900, height: 400 };
  const framed = frameForExport(option, FRAME, size) as Record<string, unknown>;

  it('draws title, subtitle lines, source and date in the chart itself, on white', () => {
    const svg = renderChartSvgText(framed, size);
    for (const text of [
      '2021年调解纠纷排名',
      '调解纠纷（件） · 2021年 · 同比对比 2020年',
      FRAME.source,
      FRAME.madeOn,
    ])
      expect(svg).toContain(text);
    expect(svg).toMatch(/<text[^>]*>宝龙镇<\/text>|>2\. 宝龙镇</);
    expect(framed.backgroundColor).toBe('#ffffff');
    expect(svg).toMatch(/font-family[^;"]*Noto Sans SC/);
  });

  it('keeps the on-screen option as it was', () => {
    expect((option as { title: { text: string } }).title.text).toBe('2021年调解纠纷排名');
    expect(Array.isArray((option as { title: unknown }).title)).toBe(false);
  });

  it('moves the plot down under the taller header and up from the footer', () => {
    const before = (option as { grid: { top: number; bottom: number } }).grid;
    const after = framed.grid as { top: number; bottom: number };
    expect(after.top).toBeGreaterThan(before.top - 10);
    expect(after.bottom).toBeGreaterThan(Math.max(before.bottom, FOOTER_HEIGHT));
    // The plot still gets most of the height.
    expect(size.height - after.top - after.bottom).toBeGreaterThan(
      0.6 * (size.height - before.top - before.bottom),
    );
  });

  it('moves every panel of the profile, keeping them inside the picture', () => {
    const profileOption = buildProfileOption({
      profile: {
        townshipCode: '500152104',
        townshipName: '宝龙镇',
        years: [2020, 2021],
        indicators: ['a', 'b', 'c', 'd'].map((id) => ({
          indicatorId: id,
          name: { zh: `指标${id}`, en: id },
          unit: { zh: '件', en: 'cases' },
          better: 'higher' as const,
          points: [{ year: 2021, value: 5, approximate: false, rank: 1, ranked: 23 }],
        })),
      },
      language: 'zh',
      title: '宝龙镇：各项指标历年变化与排名',
      approxMark: '≈',
      withUnit: (n, u) => `${n}（${u}）`,
      rankLabel: (r, n) => `第${r}/${n}名`,
      locale: 'zh-CN',
    });
    const height = profileChartHeight(4);
    const profileSize = { width: 960, height };
    const grids = (
      frameForExport(profileOption, FRAME, profileSize) as { grid: { top: number; height: number }[] }
    ).grid;
    for (const grid of grids) expect(grid.top + grid.height).toBeLessThanOrEqual(height - FOOTER_HEIGHT);
    const svg = renderChartSvgText(frameForExport(profileOption, FRAME, profileSize), profileSize);
    expect(svg).toContain('指标d（件） · 第1/23名');
    expect(svg).toContain(FRAME.madeOn);
  });
});

describe('wrapLine', () => {
  it('breaks a long list of names at a separator, within the width', () => {
    const names = Array.from({ length: 12 }, (_, i) => `第${i + 1}个镇街`).join('、');
    const lines = wrapLine(`未报送：${names}`, 300, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(300);
    expect(lines.join('')).toBe(`未报送：${names}`);
    expect(lines[0]?.endsWith('、')).toBe(true);
  });

  it('leaves a short line alone', () => {
    expect(wrapLine('2021年', 300, 12)).toEqual(['2021年']);
  });
});
