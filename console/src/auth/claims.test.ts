import { describe, expect, it } from 'vitest';
import { canAssignJobs, canWritePricebook, canWriteSettings, claimsOf, pickTenant } from './claims';

describe('claims', () => {
  it('reads tenants and roles of the token contract', () => {
    const claims = claimsOf({ sub: 'admin@3222348440', tenants: ['3222348440'], roles: ['ADMIN'] });
    expect(claims).toEqual({ subject: 'admin@3222348440', name: 'admin@3222348440', tenants: ['3222348440'], roles: ['ADMIN'] });
    expect(canWritePricebook(claims.roles)).toBe(true);
    expect(canWritePricebook(['VIEWER'])).toBe(false);
  });

  it('grants jobs:assign to dispatchers and settings:write to owners and admins only', () => {
    expect(['OWNER', 'ADMIN', 'MANAGER', 'DISPATCHER'].every((role) => canAssignJobs([role]))).toBe(true);
    expect(canAssignJobs(['TECHNICIAN', 'VIEWER'])).toBe(false);
    expect(canWriteSettings(['OWNER'])).toBe(true);
    expect(canWriteSettings(['MANAGER', 'DISPATCHER'])).toBe(false);
  });

  it('keeps the remembered tenant only while the token grants it', () => {
    expect(pickTenant(['1', '2'], '2')).toBe('2');
    expect(pickTenant(['1', '2'], '3')).toBe('1');
    expect(pickTenant([], '3')).toBeNull();
  });
});
