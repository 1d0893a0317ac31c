interface SampleBannerProps {
  readonly text: string;
  readonly actionLabel: string;
  readonly onClear: () => void;
  readonly busy: boolean;
}

export function SampleBanner({ text, actionLabel, onClear, busy }: SampleBannerProps) {
  return (
    <div className="sample-banner" role="status">
      <strong>示例数据</strong>
      <span>{text}</span>
      <button type="button" onClick={onClear} disabled={busy}>
        {actionLabel}
      </button>
    </div>
  );
}
