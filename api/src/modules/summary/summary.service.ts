import type { Deps } from '../../deps';

export class SummaryService {
  constructor(private readonly deps: Deps) {}
}
