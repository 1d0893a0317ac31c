import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../bench/encode-gbk.ts';
import { createRandom } from '../../scripts/seeded-random.ts';
import { gbkToUtf8 } from './decode-gbk.ts';

const platform = (bytes: Uint8Array) => new TextEncoder().encode(new TextDecoder('gb18030').decode(bytes));

describe('E7 GBK straight to UTF-8 gives exactly what the platform’s decoder gives, or nothing', () => {
  it('every two-byte code the decoder reads as one character, each after ASCII', () => {
    const decoder = new TextDecoder('gb18030');
    const bytes: number[] = [];
    let codes = 0;
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const text = decoder.decode(new Uint8Array([lead, trail]));
        if (trail === 0x7f || text.length !== 1 || text === '\uFFFD') continue;
        bytes.push(0x2c, lead, trail);
        codes++;
      }
    // GBK's 21,886 characters and more.
    expect(codes).toBeGreaterThan(21_886);
    const all = new Uint8Array(bytes);
    expect(gbkToUtf8(all)).toEqual(platform(all));
  });

  it('a report as Excel saves it', () => {
    const text =
      '潼南区2021年度各镇街法治政府建设主要指标统计表,,\r\n镇街,调解纠纷（件）,调解成功率（%）\r\n宝龙镇,94,97％\r\n合计,"1,012",—\r\n注：数据截至12月31日\r\n';
    const bytes = encodeGbk(text);
    expect(gbkToUtf8(bytes)).toEqual(new TextEncoder().encode(text));
  });

  it('random runs of ASCII and codes, valid or not, agree with the decoder whenever they give anything', () => {
    const random = createRandom(20261202);
    let given = 0;
    for (let run = 0; run < 2000; run++) {
      const bytes: number[] = [];
      const length = 1 + Math.floor(random() * 40);
      for (let i = 0; i < length; i++) {
        const r = random();
        if (r < 0.4) bytes.push(Math.floor(random() * 0x80));
        else if (r < 0.98) bytes.push(0x81 + Math.floor(random() * 0x7e), 0x40 + Math.floor(random() * 0xbf));
        else bytes.push(Math.floor(random() * 0x100));
      }
      const input = new Uint8Array(bytes);
      const fast = gbkToUtf8(input);
      if (fast === undefined) continue;
      given++;
      expect(fast).toEqual(platform(input));
    }
    expect(given).toBeGreaterThan(500);
  });

  it.each<[name: string, bytes: number[]]>([
    ['the one-byte euro sign 0x80', [0x41, 0x80, 0x42]],
    ['a byte no code starts with, 0xFF', [0x41, 0xff]],
    ['a four-byte GB18030 sequence', [0x81, 0x30, 0x81, 0x30]],
    ['the GB18030 byte order mark', [0x84, 0x31, 0x95, 0x33, 0x41]],
    ['a lead byte at the end', [0x41, 0xb1]],
    ['a lead byte before ASCII', [0xb1, 0x20, 0x41]],
  ])('%s: left to the decoder', (_name, bytes) => {
    expect(gbkToUtf8(new Uint8Array(bytes))).toBeUndefined();
  });
});
