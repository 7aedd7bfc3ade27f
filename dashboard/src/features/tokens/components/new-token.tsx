import type { CreatedApiToken } from '@handover/shared';
import { ShownOnce } from '../../../components/ui/shown-once';
import { formatInstant } from '../../../lib/format';

/** The secret of a token just made, shown this once: the server keeps only its hash. */
export function NewToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  return (
    <ShownOnce
      id={token.id}
      title={`Your new token “${token.name}”`}
      valueLabel={`The token “${token.name}”`}
      value={token.token}
      copyLabel="Copy token"
      onDone={onDone}
    >
      <p>Copy it now: it is shown only this once. Anyone who has it can use it, as you, until {formatInstant(token.expiresAt)}.</p>
    </ShownOnce>
  );
}
