import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A secret just made, shown this once (the server keeps only its hash), with a copy button. The
 * panel takes the focus, so a keyboard or screen-reader user lands on it. Without a clipboard (an
 * insecure page, or permission refused) the value is selected for Ctrl+C instead.
 */
export function ShownOnce({
  id,
  title,
  valueLabel,
  value,
  copyLabel,
  onDone,
  children,
}: {
  /** Changes with each new secret, so the focus moves to each. */
  id: string;
  title: string;
  /** The text field's accessible name. */
  valueLabel: string;
  value: string;
  copyLabel: string;
  onDone: () => void;
  /** What to say about it: that it is shown once, and what it opens. */
  children: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => ref.current?.focus(), [id]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('Copied to the clipboard.');
    } catch {
      input.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };
  const titleId = `shown-once-${id}`;
  return (
    <section className="alert alert--warning stack" aria-labelledby={titleId}>
      <h2 id={titleId} ref={ref} tabIndex={-1}>
        {title}
      </h2>
      {children}
      <div className="row">
        <input ref={input} readOnly value={value} aria-label={valueLabel} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button--primary" onClick={() => void copy()}>
          {copyLabel}
        </button>
        <button type="button" onClick={onDone}>
          Done, hide it
        </button>
      </div>
      <p role="status" className="small" style={{ margin: 0 }}>
        {copied}
      </p>
    </section>
  );
}
