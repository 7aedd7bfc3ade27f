import type { Api } from '../../http/api';
import type { PeopleService } from './people.service';

export function registerPeopleRoutes(_api: Api, _service: PeopleService): void {}
