import { describe, expect, it } from 'vitest';
import { TONGNAN } from '../district/tongnan.ts';
import { createTownshipMatcher, findTownshipIn, matchTownship, townshipKey } from './match-township.ts';

const TOWNSHIPS = TONGNAN.townships;
const BAOLONG = '500152104';
const matched = (name: string, aliases?: Record<string, string>) => {
  const match = matchTownship(name, TOWNSHIPS, aliases);
  return match.kind === 'matched' ? match.township.code : undefined;
};

describe('matchTownship', () => {
  it.each(['宝龙镇', ' 宝龙镇\u3000', '\u00a0宝龙镇', '宝 龙 镇', '宝龙 '])('T1 %j is 宝龙镇', (name) => {
    expect(matched(name)).toBe(BAOLONG);
  });

  it.each<[name: string, code: string]>([
    ['宝龙', BAOLONG],
    ['宝龙镇人民政府', BAOLONG],
    ['宝龙镇政府', BAOLONG],
    ['桂林', '500152001'],
    ['桂林街道', '500152001'],
    ['桂林街道办事处', '500152001'],
    ['梓潼街道', '500152002'],
    ['宝龙镇（含原XX乡）', BAOLONG],
    ['宝龙(合并后)', BAOLONG],
    ['桂林街道【城区】', '500152001'],
  ])('T2 %j is %s, with or without its suffix and a note in brackets', (name, code) => {
    expect(matched(name)).toBe(code);
  });

  it.each<[name: string, code: string]>([
    ['宝龙镇党委', BAOLONG],
    ['宝龙镇党委政府', BAOLONG],
    ['中共宝龙镇委员会', BAOLONG],
    ['宝龙镇司法所', BAOLONG],
    ['宝龙司法所', BAOLONG],
    ['宝龙镇人民政府办公室', BAOLONG],
    ['桂林街道办', '500152001'],
    ['桂林街办', '500152001'],
    ['宝龙镇*', BAOLONG],
    ['※宝龙镇', BAOLONG],
  ])('T2 %j is %s: a township’s office, or the name with a mark pointing to a note', (name, code) => {
    expect(matched(name)).toBe(code);
  });

  it.each<[name: string, code: string | undefined]>([
    ['潼南区宝龙镇', BAOLONG],
    ['重庆市潼南区宝龙镇', BAOLONG],
    ['潼南宝龙镇', BAOLONG],
    ['潼南区宝龙', BAOLONG],
    // Another district's township of the same name is not ours.
    ['重庆市大足区宝龙镇', undefined],
    ['大足区宝龙镇', undefined],
  ])('T2 %j is %s: a name after the district’s', (name, code) => {
    const match = matchTownship(name, TOWNSHIPS, {}, '重庆市潼南区');
    expect(match.kind === 'matched' ? match.township.code : undefined).toBe(code);
  });

  it('T2 with no district known, a name after any place ending 区 or 县', () => {
    expect(matched('某某县宝龙镇')).toBe(BAOLONG);
  });

  it.each<[name: string, code: string]>([
    ['1、宝龙镇', BAOLONG],
    ['2.宝龙镇', BAOLONG],
    ['１２．宝龙镇', BAOLONG],
    ['（3）宝龙镇', BAOLONG],
    ['⑤宝龙', BAOLONG],
    ['三、宝龙镇', BAOLONG],
  ])('T8 %j is %s: a list number before the name is passed over', (name, code) => {
    expect(matched(name)).toBe(code);
  });

  it.each<[name: string, code: string]>([
    ['500152104', BAOLONG],
    ['500152104000', BAOLONG],
    [' 500152104000 ', BAOLONG],
    ['500152104宝龙镇', BAOLONG],
    ['500152104 宝龙镇', BAOLONG],
    ['500152104-宝龙', BAOLONG],
    ['500152104000宝龙镇人民政府', BAOLONG],
    // The code decides a name the district does not know and that resembles no other township.
    ['500152104原龙泉乡', BAOLONG],
    // A code not in the list: the name decides.
    ['999999999宝龙镇', BAOLONG],
  ])('T9 %j is %s by its division code', (name, code) => {
    expect(matched(name)).toBe(code);
  });

  it.each<[name: string, suggestions: string[]]>([
    // Two townships: the code's and the name's.
    ['500152101宝龙镇', ['上和镇', '宝龙镇']],
    // 小渡镇's code beside a typo of 宝龙镇.
    ['500152119宝垅镇', ['小渡镇', '宝龙镇']],
    // A village's code (not ending 000), a code of no township, too few digits.
    ['500152104001', []],
    ['999999999', []],
    ['50015210', []],
  ])('T9 %j is unknown, suggesting %j', (name, suggestions) => {
    const match = matchTownship(name, TOWNSHIPS);
    expect(match.kind).toBe('unknown');
    expect(match.kind === 'unknown' && match.suggestions.map((t) => t.name)).toEqual(suggestions);
  });

  it.each<[name: string, suggestions: string[]]>([
    ['宝垅镇', ['宝龙镇']],
    ['宝垅', ['宝龙镇']],
    ['潼南区', []],
    ['宝垅镇（新）', ['宝龙镇']],
    ['Baolong (merged)', ['宝龙镇']],
    // Pinyin: the townships the letters spell, in any reading of a character, with or without
    // tone marks and an administrative word, then those a letter or two away.
    ['Baolong', ['宝龙镇']],
    ['Bǎolóng Zhèn', ['宝龙镇']],
    ['BaoLong Town', ['宝龙镇']],
    ['Bao-long', ['宝龙镇']],
    ['Baolon', ['宝龙镇']],
    ['Boalong', ['宝龙镇']],
    ['Guilin Jiedao', ['桂林街道']],
    ['Guilin Subdistrict', ['桂林街道']],
    ['GuilinJiedaoBanshichu', ['桂林街道']],
    ['Zitong Street', ['梓潼街道']],
    ['Baizi', ['柏梓镇']],
    ['Bozi', ['柏梓镇']],
    ['Dafo', ['大佛街道']],
    ['Bie kou', ['别口镇']],
    ["Tai'an", ['太安镇']],
    ['Tongnan', []],
    ['Beijing', []],
    ['Baolong2', []],
  ])('T4 %j is unknown, suggesting %j', (name, suggestions) => {
    const match = matchTownship(name, TOWNSHIPS);
    expect(match.kind).toBe('unknown');
    if (match.kind === 'unknown') {
      expect(match.name).toBe(townshipKey(name));
      expect(match.suggestions.map((t) => t.name)).toEqual(suggestions);
    }
  });

  it('T4 a cell of ten thousand characters is unknown at once, with no suggestion', () => {
    const match = matchTownship('宝'.repeat(10_000), TOWNSHIPS);
    expect(match).toMatchObject({ kind: 'unknown', suggestions: [] });
  });

  it.each<[name: string, aliases: Record<string, string>, code: string | undefined]>([
    ['宝垅镇', { 宝垅镇: BAOLONG }, BAOLONG],
    ['Baolong', { baolong: BAOLONG }, BAOLONG],
    [' BaoLong ', { baolong: BAOLONG }, BAOLONG],
    ['宝龙', { 宝龙: '500152001' }, '500152001'],
    ['宝垅镇', { 宝垅镇: '999999999' }, undefined],
    ['toString', {}, undefined],
  ])('T3 %j with aliases %j is %s', (name, aliases, code) => {
    expect(matched(name, aliases)).toBe(code);
  });

  it('T3 the matcher gives the same answer for every spelling of one name', () => {
    const match = createTownshipMatcher(TOWNSHIPS, { 宝垅镇: BAOLONG });
    expect(match(' 宝垅镇')).toBe(match('宝垅镇\u3000'));
    expect(match('宝垅镇')).toMatchObject({ kind: 'matched', township: { code: BAOLONG } });
  });
});

/** 开平区 (130205) has both 开平街道 and 开平镇, as 46 districts of the national list have such pairs. */
const KAIPING = [
  { code: '130205001', name: '开平街道' },
  { code: '130205100', name: '开平镇' },
  { code: '130205101', name: '郑庄子镇' },
];

describe('T10 short names two townships share', () => {
  const match = createTownshipMatcher(KAIPING);
  it.each<[name: string, code: string]>([
    ['开平镇', '130205100'],
    ['开平镇人民政府', '130205100'],
    ['开平镇司法所', '130205100'],
    ['中共开平镇委员会', '130205100'],
    ['开平街道', '130205001'],
    ['开平街道办事处', '130205001'],
    ['开平街办', '130205001'],
    ['郑庄子', '130205101'],
  ])('T10 %j is %s: a full name, with its office, is never taken for the other', (name, code) => {
    expect(match(name)).toMatchObject({ kind: 'matched', township: { code } });
  });

  it.each(['开平', '开平乡', '开平人民政府'])('T10 %j could be either: unknown, both suggested', (name) => {
    expect(match(name)).toMatchObject({
      kind: 'unknown',
      suggestions: [{ code: '130205001' }, { code: '130205100' }],
    });
  });

  it('T10 T7 a title or file name names one of them only by its full name', () => {
    expect(findTownshipIn('开平镇人民政府2021年法治指标', KAIPING)?.code).toBe('130205100');
    expect(findTownshipIn('开平街道2021年', KAIPING)?.code).toBe('130205001');
    expect(findTownshipIn('开平2021年法治指标', KAIPING)).toBeUndefined();
    expect(findTownshipIn('郑庄子2021年', KAIPING)?.code).toBe('130205101');
  });
});

describe('findTownshipIn', () => {
  it.each<[text: string, name: string | undefined]>([
    ['潼南区宝龙镇2021年度法治政府建设主要指标', '宝龙镇'],
    ['宝龙镇2021年法治指标', '宝龙镇'],
    ['宝龙2021年法治指标', '宝龙镇'],
    ['填报单位：梓潼街道办事处', '梓潼街道'],
    ['潼南区2021年度各镇街法治政府建设主要指标统计表', undefined],
    ['district-2020-wide-gbk', undefined],
  ])('T7 %j names %s', (text, name) => {
    expect(findTownshipIn(text, TOWNSHIPS)?.name).toBe(name);
  });

  it('T7 a written name the user resolved is found as well', () => {
    expect(findTownshipIn('Baolong-2021', TOWNSHIPS, { baolong: BAOLONG })?.code).toBe(BAOLONG);
  });
});
