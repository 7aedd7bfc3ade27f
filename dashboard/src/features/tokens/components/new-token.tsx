import type { CreatedApiToken } from '@handover/shared';
import { useEffect, useRef, useState } from 'react';
import { formatInstant } from '../../../lib/format';

/**
 * The secret of a token just made, shown this once: the server keeps only its hash. The panel
 * takes the focus, so a keyboard or screen-reader user lands on it.
 */
export function NewToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => ref.current?.focus(), [token.id]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('Copied to the clipboard.');
    } catch {
      // No clipboard (an insecure page, or permission refused): select it for Ctrl+C instead.
      input.current?.select();
      setCopied('Selected: press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };
  return (
    <section className="alert alert--warning stack" aria-labelledby="new-token-title">
      <h2 id="new-token-title" ref={ref} tabIndex={-1}>
        Your new token “{token.name}”
      </h2>
      <p>Copy it now: it is shown only this once. Anyone who has it can use it, as you, until {formatInstant(token.expiresAt)}.</p>
      <div className="row">
        <input ref={input} readOnly value={token.token} aria-label={`The token “${token.name}”`} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button--primary" onClick={() => void copy()}>
          Copy token
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
