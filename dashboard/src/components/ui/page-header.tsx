import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { takePageFocus } from '../../lib/page-focus';

/** The page's h1; after a navigation it takes the focus (see lib/page-focus). */
export function PageTitle({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takePageFocus()) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} id="page-title" style={style}>
      {children}
    </h1>
  );
}

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <PageTitle>{title}</PageTitle>
        {description ? <p>{description}</p> : null}
      </div>
      {actions ? <div className="row no-print">{actions}</div> : null}
    </div>
  );
}
