import type { ReactNode } from 'react';
import { QueryState, type QueryLike } from '../../../components/ui/states';

/** A card's query: while it loads or fails, the card keeps its heading so the page does not jump. */
export function CardQuery<T>({ title, query, children }: { title: string; query: QueryLike<T>; children: (data: T) => ReactNode }) {
  return (
    <QueryState
      query={query}
      frame={(state) => (
        <section className="card" aria-label={title}>
          <h2>{title}</h2>
          {state}
        </section>
      )}
    >
      {children}
    </QueryState>
  );
}
