import { fieldLabel, plainMessage } from '../../dashboard/src/lib/messages';
import { csvFilename, formatDate, quotedList, slugify } from '../../dashboard/src/lib/format';

describe('plainMessage', () => {
  it.each([
    ['must be an ISO 8601 date-time with seconds and an offset, e.g. 2026-03-02T10:00:00Z', 'must be a date and time with seconds and a time zone, like 2026-03-02T10:00:00Z (UTC) or 2026-03-02T11:00:00+01:00'],
    ['Cannot be done while 2 dependency(ies) are not done: Hire, Train.', 'Cannot be done until “Hire” and “Train” are done.'],
    ['Cannot be done while 1 dependency(ies) are not done: Hire.', 'Cannot be done until “Hire” is done.'],
    ['1 other milestone(s) depend on this one; remove those dependencies first.', 'Another milestone depends on this one; remove that dependency first.'],
    ['A post with externalId "ig-1" on channel "instagram" is already recorded.', 'A post with the external id “ig-1” on instagram is already recorded.'],
    ['The handover is already at "reverse_shadowing".', 'The handover is already at “Reverse shadowing”.'],
    ['In-house share of the last 4 complete week(s), target 90.0%', 'In-house share of the last 4 complete weeks, target 90.0%'],
    ['1 row(s) are invalid; nothing was imported.', '1 row is invalid; nothing was imported.'],
    ['must be an integer', 'must be a whole number'],
    ['must not be empty', 'must not be empty'],
  ])('When the API says %j, then people read %j', (api, plain) => {
    expect(plainMessage(api)).toBe(plain);
  });

  it('When a refusal names a request field, then the label is the one on the form', () => {
    expect(fieldLabel('externalId')).toBe('External id');
    expect(fieldLabel('dependsOn.2')).toBe('Depends on');
    expect(fieldLabel('targets.inHouseShare')).toBe('Target in-house share');
    expect(fieldLabel('somethingNew')).toBe('somethingNew');
  });
});

describe('format', () => {
  it('When dates are shown, then every page writes them one way', () => {
    expect(formatDate('2026-11-29')).toBe('29 Nov 2026');
    expect(quotedList(['A', 'B', 'C'])).toBe('“A”, “B” and “C”');
  });

  it('When a table is downloaded, then its file is named by plan, table and day', () => {
    expect(slugify('Taking our voice back — Café 2026!')).toBe('taking-our-voice-back-cafe-2026');
    expect(csvFilename('Taking our voice back', 'posts-per-week', '2026-11-29')).toBe('taking-our-voice-back-posts-per-week-2026-11-29.csv');
  });
});
