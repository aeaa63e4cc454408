import { describe, expect, it } from 'vitest';
import { canGrantRole, grantableRoles, roles, roleScopeLevels } from './permissions.ts';

describe('roles', () => {
  it('a system administrator may grant every role; nobody else may grant system administrator', () => {
    expect(grantableRoles('system_admin')).toEqual([...roles]);
    for (const role of roles.filter((r) => r !== 'system_admin')) expect(canGrantRole(role, 'system_admin')).toBe(false);
  });

  it('a provincial delegate cannot grant the regional coordinator role, which manages the organisation', () => {
    expect(canGrantRole('provincial_delegate', 'regional_coordinator')).toBe(false);
    expect(canGrantRole('provincial_delegate', 'social_worker')).toBe(true);
  });

  it('every role can be placed at one level at least', () => {
    for (const role of roles) expect(roleScopeLevels[role].length).toBeGreaterThan(0);
  });
});
