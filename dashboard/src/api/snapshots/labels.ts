import type { Rag } from '@handover/shared';

/** A lead's traffic light in words: the badge shows the word, so the colour is never the only cue. */
export const RAG_LABELS: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
