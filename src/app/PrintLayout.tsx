import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PngImage } from '../charts/render-chart-image.ts';
import { summarizeChart } from '../export/summarize-chart.ts';
import type { Messages } from '../messages/zh.ts';
import type { BasketItem } from './basket-context.ts';
import { chartPng } from './export-actions.ts';

interface PrintLayoutProps {
  readonly items: readonly BasketItem[];
  readonly t: Messages;
  readonly locale: string;
  readonly onClose: () => void;
}

/**
 * The meeting pack for "print to PDF": one chart per A4 landscape page with its summary. On
 * screen it is a preview over the dashboard; in print (`@media print` in app.css) it is all that
 * is printed.
 */
export function PrintLayout({ items, t, locale, onClose }: PrintLayoutProps) {
  const [images, setImages] = useState<ReadonlyMap<number, PngImage>>(new Map());
  const [failed, setFailed] = useState('');
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const done = new Map<number, PngImage>();
      try {
        for (const item of items) {
          done.set(item.id, await chartPng(item, { width: item.width, height: item.height }, 2, t));
          if (cancelled) return;
          setImages(new Map(done));
        }
      } catch (error) {
        if (!cancelled) setFailed(t.exports.failed(error instanceof Error ? error.message : String(error)));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [items, t]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const ready = items.every((item) => images.has(item.id));

  return createPortal(
    <div className="print-layout" role="dialog" aria-label={t.exports.print.title} data-ready={ready}>
      <div className="print-toolbar">
        <strong>{t.exports.print.title}</strong>
        <span>{ready ? t.exports.print.hint : t.exports.print.working}</span>
        <span role="status">{failed}</span>
        <button type="button" className="primary" disabled={!ready} onClick={() => window.print()}>
          {t.exports.print.print}
        </button>
        <button type="button" onClick={onClose}>
          {t.exports.print.close}
        </button>
      </div>
      {items.map((item) => {
        const image = images.get(item.id);
        return (
          <section key={item.id} className="print-page" aria-label={item.title}>
            {image ? <img src={image.dataUrl} alt={item.title} /> : <div className="print-placeholder" />}
            <ul className="print-summary">
              {summarizeChart(item.summary(), t.exports.summary, locale).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>,
    document.body,
  );
}
