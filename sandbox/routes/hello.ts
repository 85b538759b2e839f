/** GET /hello: health check (authentication still required). */
import { ok, type Route } from './common';

export const helloRoutes: Record<string, Route> = {
	'/hello': { method: 'GET', handle: () => ok({ message: 'Hello, from MyPit!' }) },
};
