import { EventEmitter } from 'node:events';

/** Told after a commit that queued digests, so a running sender arms its timer for them (a hint only). */
export const digestSignal = new EventEmitter();
digestSignal.setMaxListeners(0);
export const DIGEST_QUEUED = 'queued';
