import { CHART_FONT, type ChartOption } from './echarts-setup.ts';

/** Every string in an option, so the font subsets that draw them can load before drawing. */
export function collectText(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const item of value) collectText(item, out);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) collectText(item, out);
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
