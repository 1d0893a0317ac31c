import { describe, expect, it } from 'vitest';
import { listAreas, listCities, listProvinces, loadDistrict } from './load-divisions.ts';
import { TONGNAN } from './tongnan.ts';

describe('loadDistrict', () => {
  it('潼南区 (500152) has exactly the 23 townships of the sample district, in code order', async () => {
    const district = await loadDistrict('500152');
    expect(district).toEqual(TONGNAN);
    expect(district?.townships).toHaveLength(23);
  });

  it.each([
    ['110101', '北京市东城区'],
    ['130102', '河北省石家庄市长安区'],
    ['441900', '广东省东莞市'],
    ['469001', '海南省五指山市'],
  ])('%s is called %s', async (code, fullName) => {
    const district = await loadDistrict(code);
    expect(district?.fullName).toBe(fullName);
    expect(district?.townships.length).toBeGreaterThan(0);
  });

  it.each(['999999', '5001', '', '500152104'])(
    'an unknown district code %j gives undefined',
    async (code) => {
      expect(await loadDistrict(code)).toBeUndefined();
    },
  );
});

describe('listing the divisions', () => {
  it('lists the 31 provincial-level divisions in code order, 重庆市 = 50', async () => {
    const provinces = await listProvinces();
    expect(provinces).toHaveLength(31);
    expect(provinces[0]).toEqual({ code: '11', name: '北京市' });
    expect(provinces).toContainEqual({ code: '50', name: '重庆市' });
  });

  it('重庆市 has the placeholder cities 5001 市辖区 and 5002 县', async () => {
    expect(await listCities('50')).toEqual([
      { code: '5001', name: '市辖区' },
      { code: '5002', name: '县' },
    ]);
  });

  it('潼南区 is one of the districts under 5001; 城口县 is under 5002', async () => {
    expect(await listAreas('5001')).toContainEqual({ code: '500152', name: '潼南区' });
    expect(await listAreas('5002')).toContainEqual({ code: '500229', name: '城口县' });
  });

  it('unknown codes list nothing', async () => {
    expect(await listCities('99')).toEqual([]);
    expect(await listAreas('9999')).toEqual([]);
  });
});
