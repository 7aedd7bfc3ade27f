/** A small danger button whose accessible name says what it removes. */
export function RemoveButton({ name, onRemove, disabled }: { name: string; onRemove: () => void; disabled?: boolean }) {
  return (
    <button type="button" className="button--small button--danger" onClick={onRemove} disabled={disabled}>
      Remove<span className="visually-hidden"> {name}</span>
    </button>
  );
}
