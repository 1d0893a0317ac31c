/** ECharts tooltips are HTML: every name that reaches one goes through this first. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
