import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { zh } from '../messages/zh.ts';
import type { ExportTable } from './export-table.ts';
import { type DeckChart, deckSlideCount, fitImage, writePptx } from './write-pptx.ts';

/** A 1×1 PNG; the slide sizes it by the width and height given. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const table = (title: string, rows: number): ExportTable => ({
  title,
  columns: [
    { header: '镇街', kind: 'text' },
    { header: '调解成功率', unit: '%', kind: 'number' },
  ],
  rows: Array.from({ length: rows }, (_, i) => ({
    cells: [i === 0 ? '宝龙镇' : `第${i}镇`, i === rows - 1 ? null : 90 + i / 10],
    approximate: i === 1 ? [1] : [],
  })),
});

const CHARTS: DeckChart[] = [
  {
    title: '2021年调解成功率排名',
    image: { dataUrl: PNG, width: 2000, height: 1300 },
    summary: ['最高：宝龙镇 97.9%', '未报送（1 个）：梓潼街道'],
    table: table('2021年调解成功率排名', 23),
  },
  {
    title: '调解纠纷：各镇街历年热力图',
    image: { dataUrl: PNG, width: 2000, height: 1440 },
    summary: ['最高：桂林街道 130件'],
    table: table('调解纠纷：各镇街历年热力图', 30),
  },
];

const date = new Date(2024, 4, 1);
const labels = {
  ...zh.exports.deck,
  madeOn: zh.exports.deck.madeOn(date),
  approxMark: zh.approxMark,
  notReported: '—',
  withUnit: zh.withUnit,
  source: zh.dataSourceLine(3),
};

async function slides(bytes: Uint8Array): Promise<{ zip: JSZip; xml: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  return { zip, xml: await Promise.all(names.map((name) => zip.file(name)?.async('string') ?? '')) };
}

describe('writePptx', async () => {
  const bytes = await writePptx({
    district: '重庆市潼南区',
    year: 2021,
    charts: CHARTS,
    labels,
    locale: 'zh-CN',
  });
  const { zip, xml } = await slides(bytes);

  it('is a zip with a title slide, one slide per chart and the appendix tables (30 rows take two)', () => {
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(deckSlideCount(CHARTS)).toBe(1 + 2 + 1 + 2);
    expect(xml).toHaveLength(6);
  });

  it('the title slide has the district, the year and the date', () => {
    expect(xml[0]).toContain('重庆市潼南区');
    expect(xml[0]).toContain('2021年度镇街法治政府建设指标汇报材料');
    expect(xml[0]).toContain('制作日期：2024年5月1日');
  });

  it('each chart slide holds its picture, its title and its summary', async () => {
    for (const [index, chart] of CHARTS.entries()) {
      const slide = xml[index + 1] ?? '';
      expect(slide).toContain(chart.title);
      expect(slide).toContain('<p:pic>');
      for (const line of chart.summary) expect(slide).toContain(line);
      const rels = (await zip.file(`ppt/slides/_rels/slide${index + 2}.xml.rels`)?.async('string')) ?? '';
      const target = /Target="\.\.\/media\/([^"]+\.png)"/.exec(rels)?.[1];
      expect(target).toBeDefined();
      expect(zip.file(`ppt/media/${target}`)).not.toBeNull();
    }
  });

  it('the appendix has each chart table: units in the header, ≈ on approximate values, a gap marked', () => {
    expect(xml[3]).toContain('附表：2021年调解成功率排名');
    expect(xml[3]).toContain('调解成功率（%）');
    expect(xml[3]).toContain('宝龙镇');
    expect(xml[3]).toContain('≈90.1');
    expect(xml[3]).toContain('—');
    expect(xml[4]).toContain('附表：调解纠纷：各镇街历年热力图');
    expect(xml[5]).toContain('附表：调解纠纷：各镇街历年热力图（续）');
    expect(xml[5]).toContain('第29镇');
  });

  it('fits a picture in its box without stretching it', () => {
    const box = { x: 0, y: 0, w: 6, h: 4 };
    const fitted = fitImage({ width: 2000, height: 1000 }, box);
    expect(fitted).toEqual({ x: 0, y: 0.5, w: 6, h: 3 });
    expect(fitImage({ width: 1000, height: 2000 }, box)).toEqual({ x: 2, y: 0, w: 2, h: 4 });
  });
});
