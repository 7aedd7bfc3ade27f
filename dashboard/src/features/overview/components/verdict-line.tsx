import type { Plan, Summary } from '@handover/shared';
import { formatDate } from '../../../lib/format';
import { exitVerdict } from '../utils/verdict';

/** The page's answer in one line, first on every screen and on paper; the day it is about under it. */
export function VerdictLine({ summary, plan, isToday }: { summary: Summary; plan: Plan; isToday: boolean }) {
  const verdict = exitVerdict(summary, plan);
  const rest = verdict.text.slice(verdict.answer.length + 1);
  // The exit date is the other half of the answer: it stands out as the answer word does.
  const exit = verdict.exit ?? '';
  const at = exit ? rest.indexOf(exit) : -1;
  return (
    <section className={`verdict verdict--${verdict.tone}`} aria-label="The answer" data-testid="verdict">
      <p className="verdict__text">
        <strong>{verdict.answer}:</strong>
        {at < 0 ? (
          rest
        ) : (
          <>
            {rest.slice(0, at)}
            <strong>{exit}</strong>
            {rest.slice(at + exit.length)}
          </>
        )}
      </p>
      <p className="verdict__day small">
        {isToday
          ? `As of today, ${formatDate(summary.asOf)}.`
          : `As of ${formatDate(summary.asOf)}, a past day: every card and chart below shows the plan as it stood at the end of that day.`}
      </p>
    </section>
  );
}
