import type { Plan } from '@handover/shared';
import { useState } from 'react';
import { PageHeader } from '../../../components/ui/page-header';
import { StatusView } from './status-view';

/** Waits for React to draw the report, then opens the print dialog. */
const printSoon = () => requestAnimationFrame(() => setTimeout(() => window.print()));

/** The Status page: its header with "Print weekly report" (which opens the report, then prints it) and the view. */
export function StatusScreen({ plan, canRecordStatus }: { plan: Plan; canRecordStatus: boolean }) {
  const [reportOpen, setReportOpen] = useState(false);
  return (
    <>
      <PageHeader
        title="Status"
        description="The plan week by week: each snapshot's figures, the lead's status, and what changed."
        actions={
          <>
            {reportOpen ? (
              <button type="button" onClick={() => setReportOpen(false)}>
                Close the report
              </button>
            ) : null}
            <button
              type="button"
              onClick={() => {
                setReportOpen(true);
                printSoon();
              }}
            >
              Print weekly report
            </button>
          </>
        }
      />
      <StatusView plan={plan} canRecordStatus={canRecordStatus} reportOpen={reportOpen} />
    </>
  );
}
