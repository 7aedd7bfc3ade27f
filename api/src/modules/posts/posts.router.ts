import type { Api } from '../../http/api';
import type { PostsService } from './posts.service';

export function registerPostsRoutes(_api: Api, _service: PostsService): void {}
