/** Quote a CSV field when needed, and defuse cells a spreadsheet would run as a formula (OWASP CSV injection). */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const csvRow = (fields: Array<string | null | undefined>) => fields.map(csvField).join(',') + '\r\n';
