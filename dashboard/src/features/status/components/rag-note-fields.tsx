import { Field } from '../../../components/ui/field';
import { RAG_LABELS } from '../utils/status';

export type RagNote = { rag: string; note: string };

/** The lead's status: a traffic light (or none) and a note; shared by "take a snapshot" and "edit the note". */
export function RagNoteFields({ value, onChange, error }: { value: RagNote; onChange: (next: RagNote) => void; error?: string }) {
  return (
    <>
      <Field label="RAG status">
        <select value={value.rag} onChange={(e) => onChange({ ...value, rag: e.target.value })}>
          <option value="">None</option>
          {Object.entries(RAG_LABELS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Status note" hint="At most 5000 characters." error={error}>
        <textarea rows={4} maxLength={5000} value={value.note} onChange={(e) => onChange({ ...value, note: e.target.value })} />
      </Field>
    </>
  );
}
