import type { Messages } from '../../messages/zh.ts';

interface PagerProps {
  readonly t: Messages;
  /** 0-based. */
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly onPage: (page: number) => void;
}

/** Which rows of a long table are shown, and buttons to the pages before and after. */
export function Pager({ t, page, pageSize, total, onPage }: PagerProps) {
  if (total <= pageSize) return null;
  const last = Math.ceil(total / pageSize) - 1;
  return (
    <nav
      className="pager"
      aria-label={t.viewText.pageRange(page * pageSize + 1, Math.min(total, (page + 1) * pageSize), total)}
    >
      <button type="button" disabled={page <= 0} onClick={() => onPage(page - 1)}>
        {t.viewText.previousPage}
      </button>
      <span role="status">
        {t.viewText.pageRange(page * pageSize + 1, Math.min(total, (page + 1) * pageSize), total)}
      </span>
      <button type="button" disabled={page >= last} onClick={() => onPage(page + 1)}>
        {t.viewText.nextPage}
      </button>
    </nav>
  );
}
