import nodemailer from 'nodemailer';
import {
  claimDigest,
  dueDigestIds,
  findClaimedDigest,
  previousWeeklyId,
  purgeDigestEmails,
  recordDigestOutcome,
  type ClaimedDigest,
  type DigestOutcome,
} from '../../db/repositories/digest.repository';
import { findSnapshot } from '../../db/repositories/snapshots.repository';
import type { Deps } from '../deps';
import { claimDue, JobLoop } from '../job-loop';
import { OUTBOX_KEEP_MS } from '../webhooks/dispatcher';
import { configuredRetrySchedule, nextAttemptAt, type RetrySchedule } from '../webhooks/retry-schedule';
import { buildDigestEmail, type DigestEmail } from './digest-email';
import { DIGEST_QUEUED, digestSignal } from './digest-signal';

const CLAIM_BATCH = 20;
/** Longer than an SMTP exchange may take (three 10 s timeouts), so only a dead claimer's claim lapses. */
const CLAIM_MS = 60_000;
const SMTP_TIMEOUT_MS = 10_000;
/** Digests fall due at DIGEST_AT and on retries: the timer looks this often. */
const POLL_MS = 30_000;

export type MailMessage = { from: string; to: string; subject: string; text: string; html: string };
export type MailTransport = { send(message: MailMessage): Promise<void> };
export type SendResult = { attempted: number; sent: number; voided: number };

function smtpTransport(url: string): MailTransport {
  const transport = nodemailer.createTransport({ url, connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS });
  return { send: async (message) => void (await transport.sendMail(message)) };
}

/**
 * Sends the queued weekly digests (docs/domain.md#email-digest), as the webhook dispatcher delivers
 * the outbox: a due row is claimed with a conditional update (one process sends it), attempted, and
 * its result written while the claim holds; a failure is retried on WEBHOOK_RETRY_SCHEDULE and the
 * email is failed once the window is over. Whether the recipient may still have it is judged at
 * send time: a deactivated user, an ended or removed membership or an opt-out voids it unsent. The
 * email is rendered at send time too, so a lead's note saved after the snapshot goes with it.
 */
export class DigestSender {
  private readonly schedule: RetrySchedule;
  private transport: MailTransport | undefined;
  private readonly loop: JobLoop;

  constructor(private readonly deps: Deps) {
    this.schedule = configuredRetrySchedule(deps.config.webhookRetrySchedule);
    this.loop = new JobLoop(deps, {
      pass: (now) => this.sendDue(now),
      wait: () => POLL_MS,
      signal: digestSignal,
      event: DIGEST_QUEUED,
      failure: 'digest sending failed; retrying at the next poll',
    });
  }

  /** Start the timer (server.ts; not when SCHEDULER=off, nor without SMTP_URL: nothing is ever queued then). */
  start(): void {
    if (this.deps.config.smtpUrl) this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass at `now`: every digest due is claimed and sent, voided or put back for a retry. */
  async sendDue(now: Date): Promise<SendResult> {
    const result: SendResult = { attempted: 0, sent: 0, voided: 0 };
    if (!this.deps.config.smtpUrl) return result;
    for (;;) {
      const claimed = await claimDue(this.deps.db, { dueIds: dueDigestIds, claim: claimDigest }, now, CLAIM_BATCH, CLAIM_MS);
      if (claimed.length === 0) break;
      for (const [id, token] of claimed) {
        const outcome = await this.attempt(id, token, now);
        if (outcome === 'void') result.voided += 1;
        else if (outcome) result.attempted += 1;
        if (outcome === 'sent') result.sent += 1;
      }
    }
    return result;
  }

  /** Housekeeping: digests done with are kept as long as webhook events (OUTBOX_KEEP_MS), then deleted; how many. */
  purge(now: Date = this.deps.clock.now()): Promise<number> {
    const cutoff = new Date(now.getTime() - OUTBOX_KEEP_MS).toISOString();
    return this.deps.db.write((m) => purgeDigestEmails(m, cutoff));
  }

  private async attempt(id: string, token: string, now: Date): Promise<DigestOutcome['state'] | null> {
    const db = this.deps.db;
    const digest = await db.read((m) => findClaimedDigest(m, id, now.toISOString().slice(0, 10)));
    if (!digest) return null;
    let outcome: DigestOutcome;
    if (!digest.recipient) {
      outcome = { state: 'void', attempted: false, firstAttemptAt: digest.firstAttemptAt, nextAttemptAt: null, error: 'the recipient no longer gets the digest' };
    } else {
      const error = await this.send(digest, digest.recipient);
      const first = digest.firstAttemptAt ?? now.toISOString();
      const retryAt = error === null ? null : nextAttemptAt(new Date(first), digest.attemptCount + 1, now, { jitter: this.deps.config.webhookRetryJitter, schedule: this.schedule });
      const state = error === null ? 'sent' : retryAt ? 'pending' : 'failed';
      outcome = { state, attempted: true, firstAttemptAt: first, nextAttemptAt: retryAt?.toISOString() ?? null, error };
      if (error !== null) this.deps.logger.warn({ digestId: id, error, state }, 'a digest email was not sent');
    }
    const written = await db.write((m) => recordDigestOutcome(m, digest, token, outcome, now.toISOString()));
    if (!written) this.deps.logger.warn({ digestId: id }, 'a digest claim lapsed before its result was recorded');
    return outcome.state;
  }

  /** Render and hand to SMTP; null when accepted, else why not. */
  private async send(digest: ClaimedDigest, to: NonNullable<ClaimedDigest['recipient']>): Promise<string | null> {
    let email: DigestEmail;
    try {
      email = await this.render(digest, to.role !== 'agency');
    } catch (error) {
      return `the digest cannot be built: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`;
    }
    try {
      this.transport ??= smtpTransport(this.deps.config.smtpUrl!);
      await this.transport.send({ from: this.deps.config.smtpFrom, to: to.email, ...email });
      return null;
    } catch (error) {
      return error instanceof Error ? error.message.slice(0, 500) : String(error);
    }
  }

  private render(digest: ClaimedDigest, includeNote: boolean): Promise<DigestEmail> {
    return this.deps.db.read(async (m) => {
      const snapshot = await findSnapshot(m, digest.planId, digest.snapshotId);
      const previousId = snapshot.weekStart ? await previousWeeklyId(m, digest.planId, snapshot.weekStart) : null;
      const previous = previousId ? await findSnapshot(m, digest.planId, previousId) : null;
      return buildDigestEmail({ planId: digest.planId, planName: digest.planName, snapshot, previous, publicUrl: this.deps.config.publicUrl!, includeNote });
    });
  }
}
