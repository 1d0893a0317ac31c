import type { District } from './district.ts';

/**
 * The sample district: Tongnan District (潼南区), Chongqing. Division codes are the
 * National Bureau of Statistics' township-level codes (2022 edition).
 */
export const TONGNAN: District = {
  code: '500152',
  name: '潼南区',
  fullName: '重庆市潼南区',
  townships: [
    { code: '500152001', name: '桂林街道' },
    { code: '500152002', name: '梓潼街道' },
    { code: '500152003', name: '大佛街道' },
    { code: '500152101', name: '上和镇' },
    { code: '500152102', name: '龙形镇' },
    { code: '500152103', name: '古溪镇' },
    { code: '500152104', name: '宝龙镇' },
    { code: '500152107', name: '玉溪镇' },
    { code: '500152108', name: '米心镇' },
    { code: '500152109', name: '群力镇' },
    { code: '500152110', name: '双江镇' },
    { code: '500152112', name: '花岩镇' },
    { code: '500152113', name: '柏梓镇' },
    { code: '500152114', name: '崇龛镇' },
    { code: '500152115', name: '塘坝镇' },
    { code: '500152116', name: '新胜镇' },
    { code: '500152117', name: '太安镇' },
    { code: '500152119', name: '小渡镇' },
    { code: '500152120', name: '卧佛镇' },
    { code: '500152121', name: '五桂镇' },
    { code: '500152122', name: '田家镇' },
    { code: '500152123', name: '别口镇' },
    { code: '500152124', name: '寿桥镇' },
  ],
};
