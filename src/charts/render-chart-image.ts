import { CHART_FONT, type ChartOption, echarts } from './echarts-setup.ts';
import type { ChartSize } from './export-frame.ts';
import { loadChartFonts } from './load-chart-fonts.ts';

export interface PngImage {
  /** data:image/png;base64,… */
  readonly dataUrl: string;
  /** Pixels: the chart's CSS size × the pixel ratio. */
  readonly width: number;
  readonly height: number;
}

/**
 * Draws an option offscreen on a canvas at `pixelRatio` (2 or 3 for slides and print), on
 * white, and returns the PNG. The font subsets for every string load first, as on screen.
 */
export async function renderChartPng(
  option: ChartOption,
  size: ChartSize,
  pixelRatio: number,
): Promise<PngImage> {
  await loadChartFonts(option);
  const element = document.createElement('div');
  element.setAttribute('aria-hidden', 'true');
  element.style.cssText = `position:fixed;left:-100000px;top:0;width:${size.width}px;height:${size.height}px;`;
  document.body.append(element);
  const chart = echarts.init(element, undefined, {
    renderer: 'canvas',
    devicePixelRatio: pixelRatio,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption(option, { notMerge: true });
    const dataUrl = chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: '#ffffff' });
    return {
      dataUrl,
      width: Math.round(size.width * pixelRatio),
      height: Math.round(size.height * pixelRatio),
    };
  } finally {
    chart.dispose();
    element.remove();
  }
}

/** The SVG of an option: text stays text (searchable, selectable, editable in a slide program). */
export function renderChartSvgText(option: ChartOption, size: ChartSize): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption(option, { notMerge: true });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Characters drawn as text in an SVG, in regular and in bold type. */
function svgCharacters(svg: string): { readonly regular: Set<number>; readonly bold: Set<number> } {
  const regular = new Set<number>();
  const bold = new Set<number>();
  for (const match of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const chars = /bold|font-weight:\s*[6-9]00/.test(match[1] ?? '') ? bold : regular;
    for (const char of match[2] ?? '') chars.add(char.codePointAt(0) ?? 0);
  }
  return { regular, bold };
}

/** `U+4E00-9FFF, U+3000` → ranges. */
function parseUnicodeRange(range: string): [number, number][] {
  return range
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part) => {
      if (part.includes('?')) {
        return [
          Number.parseInt(part.replaceAll('?', '0'), 16),
          Number.parseInt(part.replaceAll('?', 'F'), 16),
        ];
      }
      const [from = '0', to = from] = part.split('-');
      return [Number.parseInt(from, 16), Number.parseInt(to, 16)];
    });
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The bundled font's pieces that draw the SVG's text, as @font-face rules with the font inside:
 * the SVG then looks the same on a computer without Noto Sans SC. Only the subsets (by unicode
 * range) the text needs are embedded.
 */
async function embeddedFontCss(svg: string): Promise<string> {
  if (typeof document === 'undefined') return '';
  const chars = svgCharacters(svg);
  const family = CHART_FONT.split(',')[0]?.replaceAll("'", '').trim() ?? '';
  const rules: CSSFontFaceRule[] = [];
  for (const sheet of document.styleSheets) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of list)
      if (rule instanceof CSSFontFaceRule && rule.style.getPropertyValue('font-family').includes(family))
        rules.push(rule);
  }
  // Each weight only for the characters drawn in it: the bold title needs few of the subsets.
  const needed = rules.filter((rule) => {
    const weight = Number.parseInt(rule.style.getPropertyValue('font-weight'), 10) || 400;
    const drawn = weight >= 600 ? chars.bold : chars.regular;
    const range = rule.style.getPropertyValue('unicode-range');
    if (range === '') return drawn.size > 0;
    const ranges = parseUnicodeRange(range);
    for (const code of drawn) if (ranges.some(([from, to]) => code >= from && code <= to)) return true;
    return false;
  });
  const faces = await Promise.all(
    needed.map(async (rule) => {
      const src = rule.style.getPropertyValue('src');
      const url = /url\(["']?([^"')]+\.woff2)["']?\)/.exec(src)?.[1];
      if (!url) return '';
      const href = new URL(url, rule.parentStyleSheet?.href ?? document.baseURI).href;
      const response = await fetch(href);
      if (!response.ok) return '';
      const data = bytesToBase64(new Uint8Array(await response.arrayBuffer()));
      const weight = rule.style.getPropertyValue('font-weight') || '400';
      const range = rule.style.getPropertyValue('unicode-range');
      return `@font-face{font-family:'${family}';font-style:normal;font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2');${range ? `unicode-range:${range};` : ''}}`;
    }),
  );
  return faces.join('');
}

/** The SVG of an option with the font subsets its text needs embedded. */
export async function renderChartSvg(option: ChartOption, size: ChartSize): Promise<string> {
  const svg = renderChartSvgText(option, size);
  const css = await embeddedFontCss(svg).catch(() => '');
  if (css === '') return svg;
  return svg.replace(/<svg[^>]*>/, (open) => `${open}<defs><style>${css}</style></defs>`);
}

/** A data URL's bytes, e.g. to save a PNG. */
export function dataUrlBytes(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
