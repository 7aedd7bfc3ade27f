import type { Matrix } from '@handover/shared';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Chart, type Series } from '../../dashboard/src/components/chart/chart';
import { ChartCard } from '../../dashboard/src/components/chart/chart-card';
import { HeatMapCard } from '../../dashboard/src/features/overview/components/heat-map-card';
import { mockFetch } from './support/fetch';
import { PLAN } from './support/fixtures';
import { quietRecharts } from './support/recharts';
import { renderWithQuery } from './support/render';

/** An IntersectionObserver the test drives: `scrollTo(el)` tells el's observer that el came into view. */
class FakeObserver {
  static all = new Set<FakeObserver>();
  private readonly targets = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.add(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
    FakeObserver.all.delete(this);
  }
  static scrollTo(el: Element) {
    for (const o of [...FakeObserver.all])
      if (o.targets.has(el)) o.callback([{ target: el, isIntersecting: true } as unknown as IntersectionObserverEntry], o as unknown as IntersectionObserver);
  }
  static watched = () => [...FakeObserver.all].reduce((n, o) => n + o.targets.size, 0);
}

quietRecharts();
beforeEach(() => {
  globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
});
afterEach(() => {
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
  FakeObserver.all.clear();
});
afterAll(() => jest.restoreAllMocks());

const SERIES: Series[] = [{ key: 'count', label: 'Handovers', color: 'var(--chart-in-house)', kind: 'bar' }];
const rows = [
  { label: 'Shadowing', count: 3 },
  { label: 'Leading', count: 1 },
];
const chart = (label: string, data = rows) => <Chart data={data} categoryKey="label" layout="bars" height={220} series={SERIES} label={label} />;
/** Whether the Recharts drawing is in the frame (its container, once the chunk has loaded). */
const drawn = (frame: HTMLElement) => frame.querySelector('.recharts-responsive-container') !== null;

describe('A chart below the fold', () => {
  it('When it has not been scrolled to, then its frame holds its place and its name, and the drawing comes when it scrolls into view', async () => {
    render(chart('Number of handovers at each step'));
    const frame = screen.getByRole('img', { name: 'Number of handovers at each step' });
    // The frame is there at its final height (nothing moves later), with the legend under it.
    expect(frame.style.height).toBe('220px');
    expect(frame.tabIndex).toBe(0);
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toBe('Handovers');
    expect(drawn(frame)).toBe(false);
    expect(FakeObserver.watched()).toBe(1);

    await act(async () => FakeObserver.scrollTo(frame));
    await screen.findByText((_t, el) => el?.classList.contains('recharts-responsive-container') ?? false);
    expect(drawn(frame)).toBe(true);
    expect(frame.style.height).toBe('220px');
    // Drawn once, it is no longer watched.
    expect(FakeObserver.watched()).toBe(0);
  });

  it('When two charts come into view together, then they are drawn one after the other, the second when the browser is idle again', async () => {
    const idle: Array<() => void> = [];
    globalThis.requestIdleCallback = ((done: () => void) => idle.push(done)) as unknown as typeof requestIdleCallback;
    try {
      render(
        <>
          {chart('First chart')}
          {chart('Second chart')}
        </>,
      );
      const frames = screen.getAllByRole('img');
      await act(async () => frames.forEach((f) => FakeObserver.scrollTo(f)));
      await screen.findByText((_t, el) => el?.classList.contains('recharts-responsive-container') ?? false);
      expect(frames.map(drawn)).toEqual([true, false]);
      expect(idle).toHaveLength(1);
      await act(async () => idle.shift()!());
      await screen.findAllByText((_t, el) => el?.classList.contains('recharts-responsive-container') ?? false);
      await waitFor(() => expect(frames.map(drawn)).toEqual([true, true]));
      await act(async () => idle.shift()?.());
    } finally {
      delete (globalThis as { requestIdleCallback?: unknown }).requestIdleCallback;
    }
  });

  it('When the page is about to print, then every chart still waiting is drawn at once', async () => {
    render(
      <>
        {chart('First chart')}
        {chart('Second chart')}
      </>,
    );
    const frames = screen.getAllByRole('img');
    expect(frames.map(drawn)).toEqual([false, false]);
    await act(async () => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    await screen.findAllByText((_t, el) => el?.classList.contains('recharts-responsive-container') ?? false);
    expect(frames.map(drawn)).toEqual([true, true]);
  });

  it('When there is no data, then the empty state shows and nothing waits for the viewport', () => {
    render(<Chart data={[]} categoryKey="label" series={SERIES} label="Nothing" emptyTitle="No handovers logged yet" />);
    expect(screen.getByText('No handovers logged yet')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(FakeObserver.watched()).toBe(0);
  });
});

describe("A chart card's table", () => {
  it('When the table is closed, then it is not built; opening it builds it with every row', () => {
    const { container } = render(
      <ChartCard id="ladder" title="Handover ladder" columns={[{ header: 'Step', value: (r: (typeof rows)[number]) => r.label }]} rows={rows} table="ladder">
        <p>drawing</p>
      </ChartCard>,
    );
    const details = container.querySelector('details')!;
    expect(details.querySelector('table')).toBeNull();
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const table = within(details).getByRole('table');
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual(['Step', 'Shadowing', 'Leading']);
  });
});

describe('The skills heat map at 50 people × 30 skills', () => {
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const people = Array.from({ length: 50 }, (_, i) => ({ id: id(1000 + i), name: `Person ${i + 1}`, title: null }));
  const skills = Array.from({ length: 30 }, (_, i) => ({ id: id(2000 + i), name: `Skill ${i + 1}`, category: null, requiredLevel: 2, critical: i < 3 }));
  const matrix: Matrix = {
    people,
    skills,
    cells: people.flatMap((p, i) => skills.map((s, j) => ({ personId: p.id, skillId: s.id, level: (i + j) % 5, assessedAt: null }))),
    total: people.length,
    limit: 200,
    offset: 0,
  };

  it('When it is shown, then it draws one cell per person and skill, once: the table behind it waits until it is opened', async () => {
    mockFetch({ [`GET /plans/${PLAN}/skills/matrix`]: { status: 200, body: matrix } });
    renderWithQuery(<HeatMapCard planId={PLAN} canRead asOf="2026-11-29" />);
    const card = await screen.findByTestId('chart-heatmap');
    const region = within(card).getByRole('region', { name: 'Skills heat map' });
    expect(region.querySelectorAll('tbody tr')).toHaveLength(50);
    expect(region.querySelectorAll('td.heat')).toHaveLength(1500);
    // Person 1 has level (0 + j) % 5 in skill j+1; a level below the required 2 is outlined.
    const first = [...region.querySelectorAll('tbody tr')[0]!.querySelectorAll('td')];
    expect(first.slice(0, 6).map((td) => td.textContent)).toEqual(['0', '1', '2', '3', '4', '0']);
    expect(first.slice(0, 3).map((td) => td.classList.contains('heat--below'))).toEqual([true, true, false]);
    // Only the drawing is built: the closed table holds no cells yet.
    expect(card.querySelectorAll('td')).toHaveLength(1500);
    expect(card.textContent).not.toMatch(/Showing the first/);
  });

  it('When the plan has more people than one page of the matrix, then the card says how many it shows', async () => {
    mockFetch({ [`GET /plans/${PLAN}/skills/matrix`]: { status: 200, body: { ...matrix, total: 260 } } });
    renderWithQuery(<HeatMapCard planId={PLAN} canRead asOf="2026-11-29" />);
    const card = await screen.findByTestId('chart-heatmap');
    expect(card.textContent).toMatch(/Showing the first 50 of 260 people, by name\./);
  });
});
