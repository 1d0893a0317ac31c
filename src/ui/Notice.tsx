interface NoticeProps {
  readonly title: string;
  readonly text: string;
  readonly action?: { readonly label: string; readonly onClick: () => void };
}

/** A whole-page message with at most one action, e.g. when another tab holds the data. */
export function Notice({ title, text, action }: NoticeProps) {
  return (
    <div className="notice-page" role="alert">
      <h1>{title}</h1>
      <p>{text}</p>
      {action && (
        <button type="button" className="primary" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}
