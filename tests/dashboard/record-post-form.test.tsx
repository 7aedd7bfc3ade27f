import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RecordPostForm, futureWarning } from '../../dashboard/src/features/posts/components/record-post-form';
import { localTimeZone } from '../../dashboard/src/lib/format';
import { mockFetch, problem } from './support/fetch';
import { PLAN } from './support/fixtures';
import { renderWithQuery } from './support/render';

const path = `/plans/${PLAN}/posts`;
const post = {
  id: '11111111-1111-4111-8111-111111111111',
  planId: PLAN,
  channel: 'facebook',
  publishedAt: '2026-03-05T14:30:00.000Z',
  source: 'agency',
  externalId: 'fb-77',
  author: null,
  createdAt: '2026-03-05T15:00:00.000Z',
  account: null,
  permalink: null,
  publisher: null,
  classifiedBy: 'source',
  rosterEntryId: null,
  origin: 'manual',
};

describe('RecordPostForm', () => {
  it('When the form is shown, then "Published at" says it is in the local time zone', () => {
    renderWithQuery(<RecordPostForm planId={PLAN} agencyOnly />);
    expect(screen.getByLabelText('Published at').getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(`In your local time, ${localTimeZone()}.`)).toBeTruthy();
  });

  it('When "Published at" is blank, then it says what to do, in words', async () => {
    const { calls } = mockFetch({});
    renderWithQuery(<RecordPostForm planId={PLAN} agencyOnly />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Channel'), 'instagram');
    await user.click(screen.getByRole('button', { name: 'Record post' }));
    expect(await screen.findByText('Choose the date and time it was published.')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('When the date is in the future, then a warning says so but the post can still be recorded', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(futureWarning('2027-11-29T12:00:00', now)).toMatch(/^That is in the future \(29 Nov 2027, .*\)\. Posts are recorded once published; check the date\.$/);
    expect(futureWarning('2026-11-01T12:00:00', now)).toBeNull();
    expect(futureWarning('', now)).toBeNull();
  });

  it('When a post is recorded and the next is a duplicate, then the refusal replaces the success and names the external id in words', async () => {
    mockFetch({
      [`POST ${path}`]: [
        { status: 201, body: post },
        problem(409, 'duplicate', { detail: 'A post with externalId "fb-77" on channel "facebook" is already recorded.' }),
      ],
    });
    renderWithQuery(<RecordPostForm planId={PLAN} agencyOnly />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Channel'), 'Facebook');
    await user.type(screen.getByLabelText('Published at'), '2026-03-05T14:30:00');
    await user.type(screen.getByLabelText('External id (optional)'), 'fb-77');
    await user.click(screen.getByRole('button', { name: 'Record post' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Recorded an agency post on facebook, published 5 Mar 2026/);

    await user.type(screen.getByLabelText('Published at'), '2026-03-05T14:30:00');
    await user.type(screen.getByLabelText('External id (optional)'), 'fb-77');
    await user.click(screen.getByRole('button', { name: 'Record post' }));
    expect(await screen.findByText('A post with the external id “fb-77” on facebook is already recorded.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(screen.getByLabelText('External id (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('External id (optional)'));
  });
});
