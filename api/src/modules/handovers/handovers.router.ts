import type { Api } from '../../http/api';
import type { HandoversService } from './handovers.service';

export function registerHandoversRoutes(_api: Api, _service: HandoversService): void {}
