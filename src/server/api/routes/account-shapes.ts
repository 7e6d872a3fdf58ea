// The one organization, team and user a Remake server has (Make's multi-tenant objects reduced to what one
// installation needs), shaped as the SDK's Organization, Team and User types.

export const ORGANIZATION_ID = 1;
export const TEAM_ID = 1;
export const OWNER = { id: 1, name: 'Remake owner', email: 'owner@localhost' } as const;

export function apiUser(timezone: string): Record<string, unknown> {
  return { ...OWNER, language: 'en', timezoneId: 0, localeId: 0, countryId: 0, features: {}, avatar: '', timezone, locale: 'en' };
}

export function apiOrganization(timezone: string): Record<string, unknown> {
  return {
    id: ORGANIZATION_ID,
    name: 'Remake',
    countryId: 0,
    timezoneId: 0,
    timezone,
    zone: 'local',
    serviceName: 'remake',
    isPaused: false,
    license: { apiLimit: 1000, operations: 0, transfer: 0 },
    teams: [{ id: TEAM_ID, name: 'My Team' }],
  };
}

export function apiTeam(): Record<string, unknown> {
  return { id: TEAM_ID, name: 'My Team', organizationId: ORGANIZATION_ID };
}
