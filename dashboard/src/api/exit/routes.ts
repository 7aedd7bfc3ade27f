/**
 * The exit's API paths (docs/domain.md#exit-page), as templates for `pathTo`. They move into the
 * shared ROUTES once the API mounts them there; until then the dashboard names them here, once.
 */
export const EXIT_ROUTES = {
  exitItems: '/plans/:planId/exit-items',
  exitItem: '/plans/:planId/exit-items/:itemId',
  exitItemTransitions: '/plans/:planId/exit-items/:itemId/transitions',
  ktSessions: '/plans/:planId/kt-sessions',
  planExit: '/plans/:planId/exit',
} as const;
