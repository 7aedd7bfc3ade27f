import type { ReactNode } from 'react';
import { Notice } from '../../../components/ui/notice';
import { useNotice } from '../../../lib/notice';
import { CoverageSection, type SkillRef } from './coverage-section';
import { MatrixSection } from './matrix-section';
import { PeopleSection } from './people-section';

/** Requirements and coverage, the matrix (leads and executives), and the people; one notice for every change. */
export function SkillsView({
  planId,
  canEdit,
  canReadSensitive,
  sessionsOf,
}: {
  planId: string;
  canEdit: boolean;
  canReadSensitive: boolean;
  /** Each skill's knowledge-transfer sessions, shown under its name (the page composes them in). */
  sessionsOf?: (skill: SkillRef) => ReactNode;
}) {
  const notices = useNotice();
  return (
    <div className="stack">
      <Notice notice={notices.notice} live focus="errors" />
      <CoverageSection planId={planId} canEdit={canEdit} notices={notices} sessionsOf={sessionsOf} />
      {canReadSensitive ? <MatrixSection planId={planId} canEdit={canEdit} notices={notices} /> : null}
      <PeopleSection planId={planId} canEdit={canEdit} notices={notices} />
    </div>
  );
}
