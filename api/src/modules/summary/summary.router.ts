import type { Api } from '../../http/api';
import type { SummaryService } from './summary.service';

export function registerSummaryRoutes(_api: Api, _service: SummaryService): void {}
