/**
 * A link into the dashboard, built from PUBLIC_URL (which may carry a path prefix); null without
 * it, since no link is better than a wrong one. Used by email and by Slack messages.
 */
export function dashboardLink(publicUrl: string | undefined, planId: string, page?: string): string | null {
  if (!publicUrl) return null;
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  return new URL(`plans/${encodeURIComponent(planId)}${page ? `/${page}` : ''}`, base).href;
}
