/** The licensing tab is registered for the institution page, in its place (order 40), for everyone who sees it. */
import { describe, expect, it } from 'vitest';
import { institutionTabs } from '../institution-tabs.ts';
import { allowedActions } from '../../contract/licensing.ts';
import './register.ts';

describe('licensing tab and allowed steps', () => {
  it('is registered as the licensing tab at order 40 without a permission of its own', () => {
    const tab = institutionTabs([]).find((t) => t.key === 'licensing');
    expect(tab).toMatchObject({ order: 40, labelKey: 'registry:licensing.tab' });
    expect(tab?.permission).toBeUndefined();
  });

  it('offers only what the state machine allows next', () => {
    expect(allowedActions(null, false, false)).toEqual(['application_filed']);
    expect(allowedActions('filed', true, false)).toEqual(['file_completed']);
    expect(allowedActions('sent', false, false)).toEqual(['ministry_decision', 'ministry_refusal', 'document_requested']);
    expect(allowedActions('authorised', false, false)).not.toContain('change_decided');
    expect(allowedActions('authorised', false, true)).toContain('change_decided');
    expect(allowedActions('closed', false, false)).toEqual([]);
  });
});
