// users/me, organizations and teams: one organization with one team (account-shapes.ts); creating more is refused by name.
import { Hono } from 'hono';
import type { ApiEnv } from '../api-env.ts';
import { ApiError, notFound } from '../api-error.ts';
import { requireScope } from '../auth.ts';
import { pageOf, paginate, pickCols } from '../paging.ts';
import { apiOrganization, apiTeam, apiUser, ORGANIZATION_ID, TEAM_ID } from './account-shapes.ts';

export function accountRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.get('/users/me', requireScope('user'), (c) => c.json({ authUser: apiUser(c.get('remake').timezone) }));
  routes.get('/users/me/current-authorization', (c) => c.json({ authorization: { authUsed: 'token', scope: c.get('token').scopes } }));
  routes.get('/organizations', requireScope('organizations'), (c) => {
    const page = pageOf(c, 'id');
    return c.json({ organizations: paginate([apiOrganization(c.get('remake').timezone)], page).map((item) => pickCols(c, item)), pg: page });
  });
  routes.get('/organizations/:id', requireScope('organizations'), (c) => {
    if (Number(c.req.param('id')) !== ORGANIZATION_ID) throw notFound('Organization', c.req.param('id'));
    return c.json({ organization: pickCols(c, apiOrganization(c.get('remake').timezone)) });
  });
  routes.get('/teams', requireScope('teams'), (c) => {
    const page = pageOf(c, 'id');
    const organizationId = c.req.query('organizationId');
    const teams = organizationId === undefined || Number(organizationId) === ORGANIZATION_ID ? [apiTeam()] : [];
    return c.json({ teams: paginate(teams, page).map((item) => pickCols(c, item)), pg: page });
  });
  routes.get('/teams/:id', requireScope('teams'), (c) => {
    if (Number(c.req.param('id')) !== TEAM_ID) throw notFound('Team', c.req.param('id'));
    return c.json({ team: pickCols(c, apiTeam()) });
  });
  routes.post('/teams', requireScope('teams'), () => {
    throw new ApiError(400, 'Bad Request', 'Remake has one organization with one team; creating teams is not supported.', 'SC400');
  });
  return routes;
}
