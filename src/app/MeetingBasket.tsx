import { useState } from 'react';
import type { DbClient } from '../db/client.ts';
import { loadDistrictInfo } from '../db/queries.ts';
import type { Messages } from '../messages/zh.ts';
import { useBasket } from './basket-context.ts';
import { downloadDeck } from './export-actions.ts';
import { PrintLayout } from './PrintLayout.tsx';

interface MeetingBasketProps {
  readonly db: DbClient;
  readonly t: Messages;
  readonly locale: string;
}

/**
 * 汇报材料: the charts collected from any view, in the order the user sets, downloaded as one
 * PowerPoint file or laid out for print to PDF.
 */
export function MeetingBasket({ db, t, locale }: MeetingBasketProps) {
  const basket = useBasket();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [printing, setPrinting] = useState(false);
  if (!basket) return null;
  const { items } = basket;
  const text = t.exports.basket;

  const download = async () => {
    setBusy(true);
    setStatus(text.working);
    try {
      const district = await loadDistrictInfo(db).then(
        (info) => info.name,
        () => null,
      );
      setStatus(text.done(await downloadDeck(items, district, t, locale)));
    } catch (error) {
      setStatus(t.exports.failed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="meeting-basket">
      <summary>{text.title(items.length)}</summary>
      {items.length === 0 ? (
        <p className="hint">{text.empty}</p>
      ) : (
        <>
          <p className="hint">{basket.kept ? text.keptInBrowser : text.keptInPage}</p>
          <ol className="basket-items">
            {items.map((item, index) => (
              <li key={item.id} data-key={item.key}>
                <span className="basket-title">{item.title}</span>
                <span className="basket-buttons">
                  <button
                    type="button"
                    disabled={index === 0}
                    aria-label={`${text.moveUp}：${item.title}`}
                    onClick={() => basket.move(item.id, -1)}
                  >
                    ↑ {text.moveUp}
                  </button>
                  <button
                    type="button"
                    disabled={index === items.length - 1}
                    aria-label={`${text.moveDown}：${item.title}`}
                    onClick={() => basket.move(item.id, 1)}
                  >
                    ↓ {text.moveDown}
                  </button>
                  <button
                    type="button"
                    aria-label={`${text.remove}：${item.title}`}
                    onClick={() => basket.remove(item.id)}
                  >
                    {text.remove}
                  </button>
                </span>
              </li>
            ))}
          </ol>
          <div className="basket-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void download()}>
              {text.download}
            </button>
            <button type="button" disabled={busy} onClick={() => setPrinting(true)}>
              {text.print}
            </button>
            <button type="button" disabled={busy} onClick={basket.clear}>
              {text.clear}
            </button>
            <span className="export-status" role="status">
              {status}
            </span>
          </div>
        </>
      )}
      {printing && items.length > 0 && (
        <PrintLayout items={items} t={t} locale={locale} onClose={() => setPrinting(false)} />
      )}
    </details>
  );
}
