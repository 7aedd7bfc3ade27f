import { unprocessable, type FieldError } from '../../core/app-error';
import { findSecretInText, findSecretInUrl } from '../../core/secret-detector';

export const NO_SECRETS_DETAIL =
  'Looks like a password or secret; record where the evidence is, not the credential. Nothing was stored.';

/**
 * Credentials are never stored (docs/domain.md#exit-checklist): 422 naming every field whose text
 * looks like one, with the reason (never the text itself). Links go through the link checks.
 */
export function refuseSecrets(text: Record<string, string | null | undefined>, links: Record<string, string | null | undefined> = {}): void {
  const errors: FieldError[] = [];
  for (const [path, value] of Object.entries(text)) {
    const found = value ? findSecretInText(value) : null;
    if (found) errors.push({ path, message: `looks like a password or secret: ${found.reason}; record where the evidence is, not the credential` });
  }
  for (const [path, value] of Object.entries(links)) {
    const found = value ? findSecretInUrl(value) : null;
    if (found) errors.push({ path, message: `looks like a password or secret: ${found.reason}; link to where the evidence is, without the credential` });
  }
  if (errors.length) throw unprocessable(errors, NO_SECRETS_DETAIL);
}
