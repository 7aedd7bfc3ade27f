import { useState, type ReactNode } from 'react';
import { useNotice, type Notices } from '../../lib/notice';
import { Notice } from './notice';

type Section = { id: string; title: string };

/**
 * The page of a kind of secret made here and shown once (API tokens, ingest secrets): the one just
 * made (until dismissed), the table of those that exist, and the form for a new one. A new one
 * clears the notice the table may have left.
 */
export function SecretManager<T>(props: {
  list: Section;
  form: Section;
  shown: (created: T, onDone: () => void) => ReactNode;
  table: (notices: Notices) => ReactNode;
  create: (onCreated: (created: T) => void) => ReactNode;
}) {
  const notices = useNotice();
  const [created, setCreated] = useState<T | null>(null);
  return (
    <div className="stack">
      <Notice notice={notices.notice} live focus />
      {created !== null ? props.shown(created, () => setCreated(null)) : null}
      <section className="card stack" aria-labelledby={props.list.id}>
        <h2 id={props.list.id}>{props.list.title}</h2>
        {props.table(notices)}
      </section>
      <section className="card stack" aria-labelledby={props.form.id}>
        <h2 id={props.form.id}>{props.form.title}</h2>
        {props.create((made) => {
          notices.setNotice(null);
          setCreated(made);
        })}
      </section>
    </div>
  );
}
