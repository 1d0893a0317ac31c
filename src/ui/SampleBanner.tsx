interface SampleBannerProps {
  /** 示例数据 / Sample data. */
  readonly label: string;
  readonly text: string;
  readonly actionLabel: string;
  readonly onClear: () => void;
  readonly busy: boolean;
}

export function SampleBanner({ label, text, actionLabel, onClear, busy }: SampleBannerProps) {
  return (
    <div className="sample-banner" role="status">
      <strong>{label}</strong>
      <span>{text}</span>
      <button type="button" onClick={onClear} disabled={busy}>
        {actionLabel}
      </button>
    </div>
  );
}
