import { can, type EffectiveRole, type ExitResult } from '@handover/shared';
import { useState, type ReactNode } from 'react';
import type { PlanRead } from '../../../api/plans/get-plan';
import { ExitedBanner } from '../../../components/ui/exited-banner';
import { Notice } from '../../../components/ui/notice';
import { count, formatDate } from '../../../lib/format';
import type { NoticeMessage } from '../../../lib/notice';
import { writesAllowed } from '../utils/exit-items';
import { ExitAction } from './exit-action';
import { ExitChecklist } from './exit-checklist';
import { ExitJumpLinks } from './exit-jump-links';
import { KtSessionsSection } from './kt-sessions-section';
import '../exit.css';

/** What the exit did, said once it is done: agency access ended at once (docs/domain.md#ending-the-agency). */
export function exitDoneText(r: ExitResult): string {
  const members = r.agencyMembershipsEnded === 0 ? 'no agency member had access left' : `${count(r.agencyMembershipsEnded, 'agency member')} lost access at once`;
  const tokens = r.tokensRevoked === 0 ? 'no plan API token was left to revoke' : `${count(r.tokensRevoked, 'plan API token')} ${r.tokensRevoked === 1 ? 'was' : 'were'} revoked`;
  return `The agency arrangement ended on ${formatDate(r.accessEndsOn)}: ${members}, ${tokens}, and a final snapshot was taken.`;
}

/**
 * The Exit page (docs/domain.md#exit-page): the checklist, the knowledge-transfer sessions and,
 * for leads and admins until it is done, the exit action. Once the plan is exited the page says
 * so, and agency staff see it read-only. `ktSessions` is the list of sessions, composed by the page.
 */
export function ExitView({ plan, role, ktSessions = null }: { plan: PlanRead; role: EffectiveRole | null; ktSessions?: ReactNode }) {
  // The exit's answer stands in for the plan's `exitedAt` until the plan is read again.
  const [result, setResult] = useState<ExitResult | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const exitedAt = plan.exitedAt ?? result?.exitedAt ?? null;
  const reason = plan.exitOverrideReason ?? result?.overrideReason ?? null;
  const readOnly = !writesAllowed(role, exitedAt !== null);
  const offersExit = exitedAt === null && can(role, 'manageIntegrations');
  return (
    <div className="stack">
      {exitedAt ? <ExitedBanner exitedAt={exitedAt} reason={reason} /> : null}
      <ExitJumpLinks
        jumps={[
          { id: 'exit-checklist', label: 'Checklist' },
          { id: 'kt-sessions', label: 'Knowledge-transfer sessions' },
          ...(offersExit ? [{ id: 'exit-action', label: 'End the agency arrangement' }] : []),
        ]}
      />
      {/* Focused when it appears: the section whose button ended the agency is gone. */}
      <Notice notice={notice} live focus />
      <ExitChecklist planId={plan.id} role={role} readOnly={readOnly} />
      <KtSessionsSection planId={plan.id} canRecord={!readOnly && can(role, 'recordExit')} list={ktSessions} />
      {offersExit ? (
        <ExitAction
          planId={plan.id}
          onDone={(r) => {
            setResult(r);
            setNotice({ kind: 'success', text: exitDoneText(r) });
          }}
        />
      ) : null}
    </div>
  );
}
