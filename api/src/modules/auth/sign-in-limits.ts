import { tooManyRequests } from '../../core/app-error';
import type { Deps } from '../deps';
import { RateLimiter, type Count, type Counter } from '../rate-limit/rate-limit.service';

/**
 * The limits on password guessing (docs/domain.md#sign-in-limits), each counted in a fifteen-minute
 * window: failures per address and account, per address over every account (much higher, as one
 * office may share an address), per account (past it the account is under attack and each address
 * gets fewer tries on it), and wrong current passwords per user on a password change.
 */
export const SIGN_IN_LIMITS = { pair: 10, address: 100, account: 10, pairUnderAttack: 3, passwordChange: 10 } as const;

const REFUSED = 'Too many failed sign-ins; try again later.';

/** An attempt let through to the password check; a failure needs nothing more, a success calls `succeeded`. */
export type Attempt = { pair: Counter; address: Counter; account: Counter; pairCount: number };

export class SignInLimits {
  private readonly limiter: RateLimiter;

  constructor(deps: Deps) {
    this.limiter = new RateLimiter(deps);
  }

  /**
   * Reserve one sign-in attempt before the password is checked, atomically, so parallel attempts
   * cannot run more checks than the limits allow. Refused (429 with Retry-After) when this address
   * has used up its tries on this account, or on all accounts.
   */
  async reserve(email: string, address: string): Promise<Attempt> {
    const counters = {
      pair: { scope: 'login:pair', subject: `${address} ${email}` },
      address: { scope: 'login:address', subject: address },
      account: { scope: 'login:account', subject: email },
    };
    const [pair, perAddress, account] = await this.limiter.reserve([counters.pair, counters.address, counters.account]);
    // Under attack: the account's failures before this attempt, from every address, reached its limit.
    const underAttack = account!.count - 1 >= SIGN_IN_LIMITS.account;
    const pairLimit = underAttack ? SIGN_IN_LIMITS.pairUnderAttack : SIGN_IN_LIMITS.pair;
    if (perAddress!.count > SIGN_IN_LIMITS.address) await this.refuse(Object.values(counters), perAddress!, REFUSED);
    if (pair!.count > pairLimit) await this.refuse(Object.values(counters), pair!, REFUSED);
    return { ...counters, pairCount: pair!.count };
  }

  /**
   * The password was right. This address's tries on the account start again, and its failures on
   * the account were the owner's own typos, so the account gives them back too; failures from other
   * addresses stay (an owner signing in does not end an attack). The address gives back this attempt.
   */
  async succeeded(attempt: Attempt): Promise<void> {
    await this.limiter.reset([attempt.pair]);
    await this.limiter.release([attempt.address, { ...attempt.account, n: attempt.pairCount }]);
  }

  /** Reserve one check of a signed-in user's current password (a password change). */
  async reservePasswordCheck(userId: string): Promise<Counter> {
    const counter = { scope: 'password:user', subject: userId };
    const [count] = await this.limiter.reserve([counter]);
    if (count!.count > SIGN_IN_LIMITS.passwordChange) {
      await this.refuse([counter], count!, 'Too many wrong current passwords; try again later.');
    }
    return counter;
  }

  async passwordCheckSucceeded(counter: Counter): Promise<void> {
    await this.limiter.reset([counter]);
  }

  /** Housekeeping: counters whose window closed count nothing and are deleted. */
  purgeClosed(): Promise<number> {
    return this.limiter.purgeClosed();
  }

  /** A refused attempt checked nothing, so it is given back before the 429. */
  private async refuse(counters: Counter[], blocking: Count, detail: string): Promise<never> {
    await this.limiter.release(counters);
    throw tooManyRequests(this.limiter.retryAfter(blocking.windowStart), detail);
  }
}
