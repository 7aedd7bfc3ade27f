import { INGEST_RECEIVER_LABELS, type CreatedIngestSecret } from '@handover/shared';
import { ShownOnce } from '../../../components/ui/shown-once';

/**
 * The receiver address of a secret just made, shown this once (the server keeps only its hash).
 * The whole address is what a tool needs: the secret is part of its path.
 */
export function NewSecret({ secret, origin, onDone }: { secret: CreatedIngestSecret; origin: string; onDone: () => void }) {
  const tool = INGEST_RECEIVER_LABELS[secret.receiver];
  if (secret.secret === null) {
    return (
      <section className="alert alert--warning" aria-label="Secret not shown">
        The secret “{secret.name}” was created by an earlier attempt and cannot be shown again. Revoke it and create a new one.
      </section>
    );
  }
  return (
    <ShownOnce
      id={secret.id}
      title={`Your new ${tool} receiver “${secret.name}”`}
      valueLabel={`The ${tool} receiver address “${secret.name}”`}
      value={`${origin}${secret.path}`}
      copyLabel="Copy address"
      onDone={onDone}
    >
      <p>
        Paste this address into {tool} as its webhook URL. Copy it now: it holds the secret, which is shown only this once. Anyone who has it can
        add published posts to this plan until you revoke it.
      </p>
    </ShownOnce>
  );
}
