import { useId, useState, type DragEvent } from 'react';

/**
 * Where a file is chosen: dropped on the zone, or picked with the file input inside it (the
 * keyboard's way; the zone is only a bigger target for a mouse).
 */
export function FileDrop({ onFile, disabled, agencyOnly }: { onFile: (file: File) => void; disabled?: boolean; agencyOnly: boolean }) {
  const [over, setOver] = useState(false);
  const id = useId();
  const handleDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      className={`drop-zone${over ? ' drop-zone--over' : ''}`}
      data-testid="import-drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={handleDrop}
    >
      <p style={{ margin: '0 0 0.5rem' }}>
        Drop an export here (CSV or XLSX), or choose it. Meta Business Suite, LinkedIn, X analytics and Handover’s own CSV are recognised; any
        other file can be mapped column by column. Nothing is stored until you import it
        {agencyOnly ? ', and as agency staff you import agency posts only' : ''}.
      </p>
      <div className="field">
        <label htmlFor={id}>Export file</label>
        <input
          id={id}
          data-step-focus
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={disabled}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
            e.target.value = '';
          }}
        />
      </div>
    </div>
  );
}
