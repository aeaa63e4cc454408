import { describe, expect, it } from 'vitest';
import { actingLevel, allowedActions, entitledAt, levelsFor, nextPosition, type Actor, type SubmissionPosition } from './chain.ts';
import { defineDocumentType, type ApprovalLevel } from './document-types.ts';

const type = defineDocumentType({
  key: 'test_plan',
  sections: ['a', 'b'],
  chain: [
    { level: 'delegation', roles: ['provincial_delegate'] },
    { level: 'region', roles: ['regional_coordinator'] },
    { level: 'central', roles: ['central_analyst', 'system_admin'] },
  ],
});
const chain: ApprovalLevel[] = ['delegation', 'region', 'central'];
const subject = { regionId: 'r1', delegationId: 'd1', associationId: null, institutionId: null };
const actor = (role: Actor['role'], level: Actor['scope']['level'], regionId: string | null = null, delegationId: string | null = null): Actor => ({
  role,
  scope: { level, regionId, delegationId, associationId: null, institutionId: null },
});
const delegate = actor('provincial_delegate', 'delegation', 'r1', 'd1');
const coordinator = actor('regional_coordinator', 'region', 'r1');
const central = actor('central_analyst', 'nation');
const at = (state: SubmissionPosition['state'], levelIndex: number): SubmissionPosition => ({ state, levelIndex, chain });

describe('approval chains', () => {
  it('walks draft → submitted (region) → submitted (central) → approved', () => {
    expect(nextPosition(at('draft', 0), 'submit')).toEqual({ state: 'submitted', levelIndex: 1 });
    expect(nextPosition(at('submitted', 1), 'validate')).toEqual({ state: 'submitted', levelIndex: 2 });
    expect(nextPosition(at('submitted', 2), 'approve')).toEqual({ state: 'approved', levelIndex: 2 });
    expect(nextPosition(at('submitted', 2), 'return')).toEqual({ state: 'returned', levelIndex: 0 });
    expect(nextPosition(at('returned', 0), 'submit')).toEqual({ state: 'submitted', levelIndex: 1 });
  });

  it('refuses actions out of order', () => {
    expect(nextPosition(at('draft', 0), 'validate')).toBeNull();
    expect(nextPosition(at('submitted', 1), 'approve')).toBeNull();
    expect(nextPosition(at('submitted', 2), 'validate')).toBeNull();
    expect(nextPosition(at('submitted', 1), 'submit')).toBeNull();
    expect(nextPosition(at('approved', 2), 'return')).toBeNull();
    expect(nextPosition(at('returned', 0), 'return')).toBeNull();
  });

  it('entitles a level by role and by the scope the actor sits at', () => {
    expect(entitledAt(type, chain, 0, delegate, subject)).toBe(true);
    expect(entitledAt(type, chain, 0, actor('provincial_delegate', 'delegation', 'r1', 'd2'), subject)).toBe(false);
    expect(entitledAt(type, chain, 1, coordinator, subject)).toBe(true);
    expect(entitledAt(type, chain, 1, actor('regional_coordinator', 'region', 'r2'), subject)).toBe(false);
    expect(entitledAt(type, chain, 1, central, subject)).toBe(false);
    expect(entitledAt(type, chain, 2, central, subject)).toBe(true);
    // A national administrator acts centrally, not for the region.
    expect(entitledAt(type, chain, 1, actor('system_admin', 'nation'), subject)).toBe(false);
    expect(entitledAt(type, chain, 2, actor('inspector', 'nation'), subject)).toBe(false);
  });

  it('offers each actor only what they may do now', () => {
    expect(allowedActions(type, at('draft', 0), delegate, subject)).toEqual(['submit']);
    expect(allowedActions(type, at('submitted', 1), delegate, subject)).toEqual([]);
    expect(allowedActions(type, at('submitted', 1), coordinator, subject)).toEqual(['validate', 'return']);
    expect(allowedActions(type, at('submitted', 2), central, subject)).toEqual(['approve', 'return']);
    expect(allowedActions(type, at('approved', 2), central, subject)).toEqual([]);
    expect(actingLevel(at('returned', 0), 'submit')).toBe(0);
  });

  it('finds the levels of a role for the inbox', () => {
    expect(levelsFor(type, delegate)).toEqual([0]);
    expect(levelsFor(type, coordinator)).toEqual([1]);
    expect(levelsFor(type, actor('system_admin', 'nation'))).toEqual([2]);
  });

  it('refuses a malformed chain', () => {
    expect(() => defineDocumentType({ key: 'x_bad', sections: ['a'], chain: [{ level: 'region', roles: [] }] })).toThrow();
    expect(() => defineDocumentType({ key: 'x_dup', sections: ['a'], chain: [{ level: 'region', roles: [] }, { level: 'region', roles: [] }] })).toThrow();
  });
});
