import { DATE_FORMATS, PRESET_NAMES, RosterSideSchema, SOURCE_LABELS } from '@handover/shared';
import type { UploadedImport } from '../../../api/imports/upload-import';
import { useMemo } from 'react';
import { Field } from '../../../components/ui/field';
import { Options } from '../../../components/ui/options';
import { COLUMN_FIELDS, DATE_FORMAT_OPTIONS, PRESET_LABELS, type ColumnField, type MappingValues } from '../utils/mapping';

/** Every IANA zone the browser knows, for the time zone's suggestions (none in an old browser: typing still works). */
function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

/**
 * How the upload's rows are read: a preset, or a column for each field, with the date format,
 * the time zone the file's times are in, and a default side for rows the roster cannot place.
 * Every change is previewed at once (the wizard sends it); errors come from the shared schema.
 */
export function MappingForm({
  upload,
  values,
  errors,
  onChange,
  agencyOnly,
}: {
  upload: UploadedImport;
  values: MappingValues;
  errors: Record<string, string>;
  onChange: (next: MappingValues) => void;
  agencyOnly: boolean;
}) {
  const zones = useMemo(timeZones, []);
  const zoneListId = `time-zones-${upload.id}`;
  const set = <K extends keyof MappingValues>(key: K, value: MappingValues[K]) => onChange({ ...values, [key]: value });
  const setColumn = (key: ColumnField, header: string) => onChange({ ...values, columns: { ...values.columns, [key]: header } });
  const columnSelect = (value: string, onPick: (h: string) => void, required = false) => (
    <select value={value} onChange={(e) => onPick(e.target.value)}>
      <option value="">{required ? 'Choose a column' : 'Not in the file'}</option>
      <Options values={upload.columns} label={(h) => h} />
    </select>
  );
  const sides = agencyOnly ? (['agency'] as const) : RosterSideSchema.options;
  return (
    <form className="stack" aria-label="How to read the file" onSubmit={(e) => e.preventDefault()} noValidate>
      <fieldset>
        <legend>Read the file with</legend>
        <div className="row">
          <label>
            <input type="radio" name={`mode-${upload.id}`} checked={values.mode === 'preset'} onChange={() => set('mode', 'preset')} /> A preset
            {upload.suggestedPreset ? ' (recognised)' : ''}
          </label>
          <label>
            <input type="radio" name={`mode-${upload.id}`} checked={values.mode === 'columns'} onChange={() => set('mode', 'columns')} /> My own
            column mapping
          </label>
        </div>
      </fieldset>
      <div className="form-grid">
        {values.mode === 'preset' ? (
          <Field label="Preset" error={errors.preset}>
            <select value={values.preset} onChange={(e) => set('preset', e.target.value as MappingValues['preset'])}>
              <option value="">Choose the export</option>
              <Options values={PRESET_NAMES} label={(p) => PRESET_LABELS[p]} />
            </select>
          </Field>
        ) : (
          <>
            {COLUMN_FIELDS.map((f) => (
              <Field key={f.key} label={f.label} hint={f.hint} error={errors[`columns.${f.key}`]}>
                {columnSelect(values.columns[f.key], (h) => setColumn(f.key, h), f.key === 'publishedAt')}
              </Field>
            ))}
            <Field label="Channel from" hint="A column naming the network of each row, or one network for the whole file.">
              <select value={values.channelFrom} onChange={(e) => set('channelFrom', e.target.value as MappingValues['channelFrom'])}>
                <option value="fixed">One channel for the file</option>
                <option value="column">A column</option>
              </select>
            </Field>
            {values.channelFrom === 'column' ? (
              <Field label="Channel column" error={errors['columns.channel'] ?? errors.channel}>
                {columnSelect(values.channelColumn, (h) => set('channelColumn', h), true)}
              </Field>
            ) : (
              <Field label="Channel" hint="e.g. facebook, instagram, linkedin, x" error={errors.channel}>
                <input value={values.channel} autoComplete="off" onChange={(e) => set('channel', e.target.value)} />
              </Field>
            )}
          </>
        )}
        <Field label="Date format" hint={values.dateFormat ? `e.g. ${DATE_FORMATS[values.dateFormat].example}` : undefined} error={errors.dateFormat}>
          <select value={values.dateFormat} onChange={(e) => set('dateFormat', e.target.value as MappingValues['dateFormat'])}>
            <option value="">{values.mode === 'preset' ? 'The preset’s format' : 'Choose the format'}</option>
            <Options values={DATE_FORMAT_OPTIONS} label={(f) => `${f} (${DATE_FORMATS[f].example})`} />
          </select>
        </Field>
        <Field label="Time zone of the file’s times" hint="An IANA name, e.g. Europe/London; yours is the default." error={errors.timeZone}>
          <input value={values.timeZone} list={zoneListId} autoComplete="off" spellCheck={false} onChange={(e) => set('timeZone', e.target.value)} />
        </Field>
        <Field label="Rows no one is known for" hint="The side of rows whose author and channel the roster does not know." error={errors.defaultSide}>
          <select value={values.defaultSide} onChange={(e) => set('defaultSide', e.target.value as MappingValues['defaultSide'])}>
            <option value="">Leave unclassified</option>
            <Options values={sides} label={(s) => `Count as ${SOURCE_LABELS[s].toLowerCase()}`} />
          </select>
        </Field>
        {upload.sheets?.length ? (
          <Field label="Sheet" error={errors.sheet}>
            <select value={values.sheet} onChange={(e) => set('sheet', e.target.value)}>
              <Options values={upload.sheets} label={(s) => s} />
            </select>
          </Field>
        ) : null}
      </div>
      <datalist id={zoneListId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </form>
  );
}
