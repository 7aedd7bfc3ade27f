import type { ExitResult } from '@handover/shared';
import { useState } from 'react';
import { useMembers } from '../../../api/members/get-members';
import { useSummary } from '../../../api/summary/get-summary';
import { ErrorState } from '../../../components/ui/states';
import { todayIso } from '../../../lib/format';
import { agencyMembersWithAccess, exitConsequences, gateNames, openGateKeys } from '../utils/exit-action';
import { ExitDialog } from './exit-dialog';

/**
 * The exit action, for leads and admins: says whether every gate is met, and opens the dialog that
 * asks before ending the agency. It waits for the gates and the members, which the dialog lists.
 */
export function ExitAction({ planId, onDone }: { planId: string; onDone: (result: ExitResult) => void }) {
  const summary = useSummary(planId);
  const members = useMembers(planId);
  const [open, setOpen] = useState(false);
  // Each opening mounts the dialog afresh: empty fields, the gates as they are now.
  const [opening, setOpening] = useState(0);
  const today = todayIso();
  const openGates = summary.data ? openGateKeys(summary.data.gates) : [];
  const ready = summary.data !== undefined && members.data !== undefined;
  const failed = summary.isError ? summary : members.isError ? members : null;
  return (
    <section className="card stack" aria-labelledby="exit-action">
      <h2 id="exit-action" tabIndex={-1}>End the agency arrangement</h2>
      <p style={{ margin: 0 }}>
        When the team holds everything, end the arrangement: agency access ends at once, their API tokens for this plan are revoked and a final snapshot is taken.
      </p>
      {summary.data ? (
        <p className="small" data-testid="exit-gates-line" style={{ margin: 0 }}>
          {openGates.length === 0 ? 'Every gate is met.' : `Still open: ${gateNames(openGates).join(', ')}. Ending now needs a reason.`}
        </p>
      ) : null}
      {failed ? <ErrorState error={failed.error} title="The gates or members could not be loaded" onRetry={() => void failed.refetch()} /> : null}
      <div className="row">
        <button
          type="button"
          className="button--danger"
          disabled={!ready}
          onClick={() => {
            setOpening((n) => n + 1);
            setOpen(true);
          }}
        >
          End the agency arrangement…
        </button>
      </div>
      <ExitDialog
        key={opening}
        planId={planId}
        open={open}
        consequences={exitConsequences(today, members.data ? agencyMembersWithAccess(members.data.items, today) : 0)}
        openGates={openGates}
        onClose={() => setOpen(false)}
        onDone={(result) => {
          setOpen(false);
          onDone(result);
        }}
      />
    </section>
  );
}
