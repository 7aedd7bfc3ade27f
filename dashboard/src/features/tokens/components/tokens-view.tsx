import type { CreatedApiToken, Me } from '@handover/shared';
import { useMemo, useState } from 'react';
import { usePlans } from '../../../api/plans/get-plans';
import { Notice } from '../../../components/ui/notice';
import { useNotice } from '../../../lib/notice';
import { scopablePlans } from '../utils/scope';
import { CreateTokenForm } from './create-token-form';
import { NewToken } from './new-token';
import { TokensTable } from './tokens-table';

/** The signed-in person's API tokens: make one (its secret shown once), see when each expires, revoke. */
export function TokensView({ me }: { me: Me }) {
  const plans = usePlans();
  const notices = useNotice();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const items = plans.data?.items;
  const planNames = useMemo(() => new Map((items ?? []).map((p) => [p.id, p.name])), [items]);
  const scopable = useMemo(() => scopablePlans(items ?? [], me), [items, me]);
  return (
    <div className="stack">
      <Notice notice={notices.notice} live focus />
      {created ? <NewToken token={created} onDone={() => setCreated(null)} /> : null}
      <section className="card stack" aria-labelledby="tokens-title">
        <h2 id="tokens-title">Your tokens</h2>
        <TokensTable planNames={planNames} notices={notices} />
      </section>
      <section className="card stack" aria-labelledby="new-token-form">
        <h2 id="new-token-form">New token</h2>
        <CreateTokenForm
          plans={scopable}
          onCreated={(token) => {
            notices.setNotice(null);
            setCreated(token);
          }}
        />
      </section>
    </div>
  );
}
