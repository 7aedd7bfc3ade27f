import type { Api } from '../../http/api';
import type { SkillsService } from './skills.service';

export function registerSkillsRoutes(_api: Api, _service: SkillsService): void {}
