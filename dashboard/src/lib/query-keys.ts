/** Every plan-scoped query key starts with ['plans', planId], so a mutation can invalidate by prefix. */
export const planKey = (planId: string, ...rest: unknown[]) => ['plans', planId, ...rest] as const;
export const meKey = ['me'] as const;
export const plansKey = ['plans-list'] as const;
export const usersKey = ['users'] as const;
