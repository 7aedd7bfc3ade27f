import { errorRows, headerProblem, linesOf } from '../../dashboard/src/features/posts/utils/csv-preview';

describe('CSV preview', () => {
  it('When the header is right (with a BOM or quotes), then there is no header problem', () => {
    expect(headerProblem('\uFEFFchannel,published_at,source,external_id,author')).toBeNull();
    expect(headerProblem('"channel","published_at","source","external_id","author"')).toBeNull();
  });

  it('When the header is wrong, then the problem names the expected header', () => {
    expect(headerProblem('channel,date,source')).toMatch(/must be the header channel,published_at,source,external_id,author/);
  });

  it('When the server reports errors by line, then they are sorted and paired with the text of that line', () => {
    const lines = linesOf('h\r\na\r\nb\nc');
    expect(errorRows([{ line: 4, message: 'x' }, { line: 2, message: 'y' }], lines)).toEqual([
      { line: 2, message: 'y', text: 'a' },
      { line: 4, message: 'x', text: 'c' },
    ]);
    expect(errorRows([{ line: 9, message: 'z' }], null)).toEqual([{ line: 9, message: 'z', text: null }]);
  });
});
