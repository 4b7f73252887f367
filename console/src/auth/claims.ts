/**
 * The Lazi claims of a user's tokens (platform-security `TokenClaims`): `tenants` and `roles`, JSON
 * arrays of strings; the identity provider puts them in the ID token too, so the console reads them
 * from the profile. Roles grant permissions as in DESIGN §7.
 */
export interface UserClaims {
  subject: string;
  name: string;
  tenants: string[];
  roles: string[];
}

const WRITERS = new Set(['OWNER', 'ADMIN']);
const CRM_WRITERS = new Set(['OWNER', 'ADMIN', 'MANAGER', 'DISPATCHER']);
const ASSIGNERS = new Set(['OWNER', 'ADMIN', 'MANAGER', 'DISPATCHER']);
const SETTINGS_WRITERS = new Set(['OWNER', 'ADMIN']);

function strings(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.filter((v) => v !== null && v !== undefined).map(String);
  }
  return typeof value === 'string' && value ? [value] : [];
}

export function claimsOf(profile: Record<string, unknown>): UserClaims {
  const subject = String(profile.sub ?? '');
  const name = typeof profile.name === 'string' && profile.name ? profile.name
    : typeof profile.preferred_username === 'string' && profile.preferred_username ? profile.preferred_username : subject;
  return { subject, name, tenants: strings(profile.tenants), roles: strings(profile.roles) };
}

/** `pricebook:write`: edit, pull and push the pricebook. */
export function canWritePricebook(roles: string[]): boolean {
  return roles.some((role) => WRITERS.has(role));
}

/** `customers:write`: move opportunities. */
export function canWriteCrm(roles: string[]): boolean {
  return roles.some((role) => CRM_WRITERS.has(role));
}

/** `jobs:assign`: assign technicians to jobs and unassign them. */
export function canAssignJobs(roles: string[]): boolean {
  return roles.some((role) => ASSIGNERS.has(role));
}

/** `settings:write`: tenant settings, such as which provider serves each field domain. */
export function canWriteSettings(roles: string[]): boolean {
  return roles.some((role) => SETTINGS_WRITERS.has(role));
}

/** The tenant to act for: the remembered one when the token still grants it, else the first granted. */
export function pickTenant(granted: string[], remembered: string | null): string | null {
  if (remembered && granted.includes(remembered)) {
    return remembered;
  }
  return granted[0] ?? null;
}
