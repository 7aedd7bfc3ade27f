import { MilestoneStatusSchema, type Milestone, type MilestoneStatus } from '@handover/shared';
import { useState } from 'react';
import { useUpdateMilestone } from '../../../api/milestones/update-milestone';
import { Notice } from '../../../components/ui/notice';
import { Options } from '../../../components/ui/options';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { humanize } from '../../../lib/format';
import { doneWaitsFor } from '../../../lib/messages';
import type { NoticeMessage } from '../../../lib/notice';
import { openDependencies } from '../utils/milestones';

/**
 * A milestone's status, changed in place. The outcome shows right under the select: a refusal (done
 * while a dependency is open, or a newer version) takes the focus there, where the person is
 * looking, instead of appearing at the top of a long page.
 */
export function StatusCell({
  planId,
  milestone: m,
  all,
  notice,
  onNotice,
}: {
  planId: string;
  milestone: Milestone;
  all: Milestone[];
  notice: NoticeMessage | null;
  onNotice: (notice: NoticeMessage) => void;
}) {
  const update = useUpdateMilestone(planId);
  // The status being saved: shown meanwhile, and a second change waits for it (no racing PATCHes).
  const [saving, setSaving] = useState<MilestoneStatus | null>(null);
  const messageId = `status-note-${m.id}`;

  const handleChange = async (status: MilestoneStatus) => {
    if (saving) return;
    const open = status === 'done' ? openDependencies(m, all) : [];
    if (open.length) return onNotice({ kind: 'error', text: doneWaitsFor(open.map((d) => d.title)) });
    setSaving(status);
    try {
      await update.mutateAsync({ id: m.id, version: m.version, body: { status } });
      onNotice({ kind: 'success', text: `“${m.title}” is now ${humanize(status).toLowerCase()}.` });
    } catch (err) {
      onNotice({
        kind: 'error',
        text: isApiError(err) && err.status === 412 ? 'Someone else changed this milestone just now; the list shows their version. Choose again.' : errorMessage(err),
      });
    } finally {
      setSaving(null);
    }
  };

  return (
    <>
      <select
        aria-label={`Status of ${m.title}`}
        aria-describedby={notice ? messageId : undefined}
        value={saving ?? m.status}
        onChange={(e) => void handleChange(e.target.value as MilestoneStatus)}
        style={{ minWidth: '8rem' }}
      >
        <Options values={MilestoneStatusSchema.options} label={humanize} />
      </select>
      {notice ? <Notice id={messageId} notice={notice} focus={notice.kind === 'error'} compact /> : null}
    </>
  );
}
