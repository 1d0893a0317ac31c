import { CHART_FONT, type ChartOption } from './echarts-setup.ts';

/**
 * Tooltip texts (`detail`, HTML): the DOM draws them again once a font loads, unlike the canvas,
 * and they are the longest strings of a province's option (one per bar or point).
 */
const DOM_TEXT_KEYS: ReadonlySet<string> = new Set(['detail']);

/** Every string in an option the canvas draws, so the font subsets that draw them can load before drawing. */
export function collectText(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const item of value) collectText(item, out);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) if (!DOM_TEXT_KEYS.has(key)) collectText(item, out);
}

/** The distinct characters of every string in an option. */
export function optionCharacters(option: ChartOption): string {
  const text = new Set<string>();
  collectText(option, text);
  const chars = new Set<string>();
  for (const item of text) for (const char of item) chars.add(char);
  return [...chars].join('');
}

/**
 * Canvas text is drawn once: if the web font's subset for a glyph is not loaded yet, the
 * glyph is drawn in a fallback font (or as an empty box) and never redrawn. Load first.
 */
export async function loadChartFonts(option: ChartOption): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const sample = optionCharacters(option);
  await Promise.all([
    document.fonts.load(`400 14px ${CHART_FONT}`, sample),
    document.fonts.load(`700 16px ${CHART_FONT}`, sample),
  ]);
}

/** Characters whose glyphs loadChartFonts already loaded, in both weights the charts use. */
const loadedCharacters = new Set<string>();

/**
 * loadChartFonts for what is not loaded yet: null when every character of the option was loaded
 * for an earlier one (a new indicator or year of the same view mostly is), so the chart can be
 * drawn at once rather than after a promise — document.fonts.load answers a task later even
 * when there is nothing to load.
 */
export function chartFontsToLoad(option: ChartOption): Promise<void> | null {
  if (typeof document === 'undefined' || !document.fonts) return null;
  const sample = optionCharacters(option);
  const missing = [...sample].filter((char) => !loadedCharacters.has(char));
  if (missing.length === 0) return null;
  return loadChartFonts(option).then(() => {
    for (const char of missing) loadedCharacters.add(char);
  });
}

/**
 * Loads, when the page is idle, the glyphs of texts charts will draw later (indicator names and
 * units, township names), so that changing the indicator does not wait for a font file first.
 */
export function preloadChartGlyphs(texts: readonly string[]): () => void {
  if (typeof document === 'undefined' || !document.fonts) return () => undefined;
  const chars = new Set<string>();
  for (const text of texts) for (const char of text) if (!loadedCharacters.has(char)) chars.add(char);
  if (chars.size === 0) return () => undefined;
  const sample = [...chars].join('');
  const load = () => {
    void Promise.all([
      document.fonts.load(`400 14px ${CHART_FONT}`, sample),
      document.fonts.load(`700 16px ${CHART_FONT}`, sample),
    ]).then(() => {
      for (const char of chars) loadedCharacters.add(char);
    });
  };
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(load, { timeout: 3000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(load, 500);
  return () => clearTimeout(handle);
}
