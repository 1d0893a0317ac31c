import { describe, expect, it } from 'vitest';
import { parseTownshipList, type TownshipListResult } from './parse-township-list.ts';
import { TONGNAN } from './tongnan.ts';

const ok = (...townships: [code: string, name: string][]): TownshipListResult => ({
  ok: true,
  townships: townships.map(([code, name]) => ({ code, name })),
});

describe('parseTownshipList', () => {
  it.each<[string, string, TownshipListResult]>([
    ['one name per line', '桂林街道\n宝龙镇\n', ok(['local-1', '桂林街道'], ['local-2', '宝龙镇'])],
    [
      'CRLF and blank lines',
      '\r\n桂林街道\r\n\r\n  \r\n宝龙镇',
      ok(['local-1', '桂林街道'], ['local-2', '宝龙镇']),
    ],
    [
      'spaces trimmed, full-width ones too',
      '　桂林街道　\n\t宝 龙镇 \n\uFEFF',
      ok(['local-1', '桂林街道'], ['local-2', '宝龙镇']),
    ],
    ['a BOM at the start', '\uFEFF宝龙镇', ok(['local-1', '宝龙镇'])],
    [
      'code,name',
      '500152001,桂林街道\n500152104,宝龙镇',
      ok(['500152001', '桂林街道'], ['500152104', '宝龙镇']),
    ],
    ['name,code', '桂林街道,500152001', ok(['500152001', '桂林街道'])],
    ['full-width comma and digits', '５００１５２１０４，宝龙镇', ok(['500152104', '宝龙镇'])],
    ['tab-separated, as Excel copies a range', '500152104\t宝龙镇\t\t', ok(['500152104', '宝龙镇'])],
    ['quoted cells', '"500152104","宝龙镇"', ok(['500152104', '宝龙镇'])],
    ['12-digit codes become the 9-digit township code', '500152104000,宝龙镇', ok(['500152104', '宝龙镇'])],
    ['header 代码,名称', '代码,名称\n500152104,宝龙镇', ok(['500152104', '宝龙镇'])],
    ['header code,name', 'Code,Name\n500152104,宝龙镇', ok(['500152104', '宝龙镇'])],
    ['header 镇街', '镇街\n宝龙镇', ok(['local-1', '宝龙镇'])],
    [
      'a 序号 column',
      '序号\t镇街名称\n1\t桂林街道\n2\t宝龙镇',
      ok(['local-1', '桂林街道'], ['local-2', '宝龙镇']),
    ],
    [
      'the statistics bureau’s table copied into a document: code, 城乡分类代码 and name apart by spaces',
      '统计用区划代码 城乡分类代码 名称\n500152001000 111 桂林街道\n500152104000　220　宝龙镇',
      ok(['500152001', '桂林街道'], ['500152104', '宝龙镇']),
    ],
    [
      'code and name apart by a space, spaces inside the name folded',
      '500152104 宝 龙镇',
      ok(['500152104', '宝龙镇']),
    ],
    [
      'codes on some lines only',
      '500152104,宝龙镇\n新建街道\n',
      ok(['500152104', '宝龙镇'], ['local-1', '新建街道']),
    ],
    [
      'same short name, different townships (开平街道 and 开平镇 both exist in one district)',
      '开平街道\n开平镇',
      ok(['local-1', '开平街道'], ['local-2', '开平镇']),
    ],
  ])('reads %s', (_name, text, expected) => {
    expect(parseTownshipList(text)).toEqual(expected);
  });

  it('reads the 23 Tongnan townships as `code,name` lines', () => {
    const text = ['代码,名称', ...TONGNAN.townships.map((t) => `${t.code},${t.name}`)].join('\r\n');
    expect(parseTownshipList(text)).toEqual({ ok: true, townships: TONGNAN.townships });
  });

  it.each<[string, string, { line: number; message: string }[]]>([
    ['an empty text', '', [{ line: 1, message: '镇街名单是空的：请每行填写一个镇街名称。' }]],
    ['only a header', '名称\n\n', [{ line: 1, message: '镇街名单是空的：请每行填写一个镇街名称。' }]],
    [
      'a duplicate name',
      '宝龙镇\n桂林街道\n 宝龙镇',
      [{ line: 3, message: '第 3 行的“宝龙镇”与第 1 行重复。' }],
    ],
    [
      'a duplicate code',
      '500152104,宝龙镇\n500152104,宝龙乡',
      [{ line: 2, message: '第 2 行的代码 500152104 与第 1 行重复。' }],
    ],
    [
      'several names on one line',
      '桂林街道、梓潼街道\n宝龙镇，玉溪镇',
      [
        { line: 1, message: '第 1 行有多个名称“桂林街道、梓潼街道”，每行只能填写一个镇街。' },
        { line: 2, message: '第 2 行有多个名称“宝龙镇 玉溪镇”，每行只能填写一个镇街。' },
      ],
    ],
    [
      'a code without a name',
      '宝龙镇\n500152104',
      [{ line: 2, message: '第 2 行只有数字“500152104”，没有镇街名称。' }],
    ],
    [
      'two codes on one line',
      '500152104,500152001,宝龙镇',
      [{ line: 1, message: '第 1 行有多个代码“500152104 500152001”，每行只能有一个代码。' }],
    ],
  ])('refuses %s, saying which line', (_name, text, issues) => {
    expect(parseTownshipList(text)).toEqual({ ok: false, issues });
  });
});
