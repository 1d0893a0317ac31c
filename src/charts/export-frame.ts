import { CHART_FONT, type ChartOption } from './echarts-setup.ts';

/** What an exported chart carries so it stands alone on a slide or a printed page. */
export interface ExportFrame {
  readonly title: string;
  /** Lines under the title: indicator and unit, year(s), the townships shown. */
  readonly subtitle: readonly string[];
  /** 数据来源：各镇街年度法治政府建设报告（n 个文件） */
  readonly source: string;
  /** e.g. 制图日期：2024年5月1日 */
  readonly madeOn: string;
}

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

const TITLE_SIZE = 18;
const SUBTITLE_SIZE = 12;
const SUBTITLE_LINE = 17;
const FOOTER_SIZE = 11;
/** Space the footer (source and date) takes at the bottom. */
export const FOOTER_HEIGHT = 26;
/** About where the on-screen title and its one-line subtitle end. */
const SCREEN_HEADER = 48;
const SIDE_MARGIN = 24;

/** Rough width of text in px: CJK and full-width characters are square, the rest about half. */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x2e7f ? fontSize : fontSize * 0.56;
  return width;
}

/** Breaks a line into lines no wider than `max` px, at a separator when there is one. */
export function wrapLine(line: string, max: number, fontSize: number): string[] {
  const lines: string[] = [];
  let rest = line;
  while (textWidth(rest, fontSize) > max) {
    let cut = 0;
    let width = 0;
    for (const char of rest) {
      width += textWidth(char, fontSize);
      if (width > max) break;
      cut += char.length;
    }
    const head = rest.slice(0, cut);
    const at = Math.max(head.lastIndexOf('、'), head.lastIndexOf('，'), head.lastIndexOf(' · '));
    const end = at > cut / 2 ? at + 1 : Math.max(1, cut);
    lines.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).trimStart();
  }
  if (rest !== '' || lines.length === 0) lines.push(rest);
  return lines;
}

type Component = Record<string, unknown>;

function asList(value: unknown): Component[] {
  if (Array.isArray(value)) return value as Component[];
  return value && typeof value === 'object' ? [value as Component] : [];
}

/** Where the export's header ends, and how much the area under it shrinks. */
interface Squeeze {
  readonly header: number;
  readonly scale: number;
}

/**
 * Moves a component into the area between the export's header and its footer: what sat under
 * the screen's header keeps its distance below the taller header, scaled to the room left.
 */
function squeeze(component: Component, { header, scale }: Squeeze): Component {
  const next = { ...component };
  if (typeof next.top === 'number') next.top = header + (next.top - SCREEN_HEADER) * scale;
  if (typeof next.bottom === 'number') next.bottom = FOOTER_HEIGHT + next.bottom * scale;
  if (typeof next.height === 'number') next.height = next.height * scale;
  return next;
}

function squeezeAll(value: unknown, how: Squeeze): unknown {
  const list = asList(value).map((c) => squeeze(c, how));
  return Array.isArray(value) ? list : list[0];
}

/**
 * The on-screen option, made to stand alone at the same size: the title with its subtitle lines
 * (indicator, unit, years, townships shown), the source line and the date drawn by the chart itself
 * in the bundled font, on white. Everything else moves down and shrinks a little to make room.
 */
export function frameForExport(option: ChartOption, frame: ExportFrame, size: ChartSize): ChartOption {
  const source = option as Component;
  const subtitle = frame.subtitle
    .filter((line) => line !== '')
    .flatMap((line) => wrapLine(line, size.width - 2 * SIDE_MARGIN, SUBTITLE_SIZE));
  // Top padding, the title's line, the gap, the subtitle's lines, and a little air.
  const header = Math.max(SCREEN_HEADER, 10 + TITLE_SIZE + 4 + 8 + subtitle.length * SUBTITLE_LINE + 6);
  const how: Squeeze = {
    header,
    scale: Math.max(0.5, (size.height - header - FOOTER_HEIGHT) / (size.height - SCREEN_HEADER)),
  };

  const [main, ...panels] = asList(source.title);
  const title: Component = {
    ...main,
    text: frame.title,
    subtext: subtitle.join('\n'),
    left: 'center',
    top: 10,
    itemGap: 8,
    textStyle: { fontFamily: CHART_FONT, fontSize: TITLE_SIZE, fontWeight: 'bold', color: '#1d2430' },
    subtextStyle: {
      fontFamily: CHART_FONT,
      fontSize: SUBTITLE_SIZE,
      lineHeight: SUBTITLE_LINE,
      color: '#4a5260',
      align: 'center',
    },
  };
  const footerStyle = {
    fontFamily: CHART_FONT,
    fontSize: FOOTER_SIZE,
    fontWeight: 'normal',
    color: '#5b6472',
  };
  const footer: Component[] = [
    { text: frame.source, left: SIDE_MARGIN / 2, bottom: 6, textStyle: footerStyle },
    { text: frame.madeOn, right: SIDE_MARGIN / 2, bottom: 6, textStyle: footerStyle },
  ];

  const framed: Component = {
    ...source,
    animation: false,
    backgroundColor: '#ffffff',
    title: [title, ...panels.map((p) => squeeze(p, how)), ...footer],
  };
  for (const key of ['grid', 'legend', 'visualMap'] as const)
    if (source[key] !== undefined) framed[key] = squeezeAll(source[key], how);
  return framed;
}
