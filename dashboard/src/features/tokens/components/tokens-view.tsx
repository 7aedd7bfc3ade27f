import type { CreatedApiToken, Me } from '@handover/shared';
import { useMemo } from 'react';
import { usePlans } from '../../../api/plans/get-plans';
import { SecretManager } from '../../../components/ui/secret-manager';
import { scopablePlans } from '../utils/scope';
import { CreateTokenForm } from './create-token-form';
import { NewToken } from './new-token';
import { TokensTable } from './tokens-table';

/** The signed-in person's API tokens: make one (its secret shown once), see when each expires, revoke. */
export function TokensView({ me }: { me: Me }) {
  const plans = usePlans();
  const items = plans.data?.items;
  const planNames = useMemo(() => new Map((items ?? []).map((p) => [p.id, p.name])), [items]);
  const scopable = useMemo(() => scopablePlans(items ?? [], me), [items, me]);
  return (
    <SecretManager<CreatedApiToken>
      list={{ id: 'tokens-title', title: 'Your tokens' }}
      form={{ id: 'new-token-form', title: 'New token' }}
      shown={(token, onDone) => <NewToken token={token} onDone={onDone} />}
      table={(notices) => <TokensTable planNames={planNames} notices={notices} />}
      create={(onCreated) => <CreateTokenForm plans={scopable} onCreated={onCreated} />}
    />
  );
}
