import { render, screen, within } from '@testing-library/react';
import { ExitDatesCard } from '../../dashboard/src/features/overview/components/exit-dates-card';
import { aPlan, aSummary } from './support/fixtures';

/** The three headline dates, as label + value. */
const dateItems = (card: HTMLElement) => [...card.querySelectorAll('.dates > div')].map((d) => d.textContent);

const plan = aPlan({ startDate: '2026-05-25', targetExitDate: '2027-01-18', contractEndDate: '2027-02-15' });

describe('ExitDatesCard', () => {
  it('When the exit is dated, then it shows the whole-plan exit against the target and contract end, each gate’s date and the gate that limits it', () => {
    render(<ExitDatesCard summary={aSummary()} plan={plan} isToday />);
    const card = screen.getByTestId('chart-exit');
    expect(card.textContent).toContain('The exit needs every gate met: at the earliest 15 Mar 2027, set by milestones, after the target exit.');
    expect(dateItems(card)).toEqual(['Earliest exit15 Mar 2027', 'Target exit18 Jan 2027', 'Contract end15 Feb 2027']);
    const gates = [...card.querySelectorAll('.gate-dates li')].map((li) => li.textContent);
    expect(gates).toEqual([
      'Internally networkedMet',
      'Critical skills coveredMet',
      'In-house share sustained4 Jan 2027In-house share reaches target 7 Dec 2026, then 4 weeks held at it',
      'Every handover accepted5 Feb 2027',
      'Every milestone done15 Mar 2027limits the exit',
      'Every exit item verified29 Jan 2027',
    ]);
    // The share trend's own date is never called the exit.
    expect(card.textContent).not.toMatch(/Projected exit|7 Dec 2026, on or before/);
  });

  it('When gates have no date, then the exit has none and the undated gates are named', () => {
    const summary = aSummary({
      exitForecast: {
        projectedExitDate: null,
        onTrack: null,
        limitedBy: null,
        components: { internal_network: '2026-11-29', skills_covered: null, posts_share: '2027-01-04', handovers_accepted: null, milestones_done: '2027-03-15' },
        undatedGates: ['skills_covered', 'handovers_accepted'],
      },
    });
    summary.gates[1] = { ...summary.gates[1]!, met: false };
    render(<ExitDatesCard summary={summary} plan={plan} isToday={false} />);
    const card = screen.getByTestId('chart-exit');
    expect(card.textContent).toContain('No exit date: no date can be given for critical skills or handovers.');
    expect(dateItems(card)[0]).toBe('Earliest exitNo date');
    expect([...card.querySelectorAll('.gate-dates li')][1]!.textContent).toBe('Critical skills coveredNo dateno date can be given');
    // Not today: the timeline marks the day shown.
    expect(within(card.querySelector('.timeline') as HTMLElement).getByText(/^As of /).textContent).toBe('As of 29 Nov');
  });
});
