import type { Api } from '../../http/api';
import type { AdoptionService } from './adoption.service';

export function registerAdoptionRoutes(_api: Api, _service: AdoptionService): void {}
