/**
 * The licensing deadlines raised by the platform's sweep on chosen days: the committee's opinion,
 * the ministry's decision, a change to declare and the end of a closure notice; reminders 7 days
 * before, then overdue; nothing while the clock is stopped; to the users whose scope covers it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, runDeadlineSweep, todayInMorocco } from '../../../../platform/deadlines/index.ts';
import { signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import type { Licensing, StepBody } from '../../contract/licensing.ts';
import { createInstitution } from '../../testing/factories.ts';

let server: TestServer;
let delegate: Session & { id: string };
let otherDelegate: Session & { id: string };
const today = todayInMorocco();
const day = (n: number) => addDays(today, n);

beforeAll(async () => {
  server = await startTestServer();
  delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
  otherDelegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
});
afterAll(() => server.close());

async function ok(id: string, body: StepBody): Promise<Licensing> {
  const response = await delegate.post(`/api/institutions/${id}/licensing/steps`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Licensing;
}

const notices = async (userId: string, subjectId: string) =>
  (await server.owner<{ kind: string; dedupe_key: string; link: string }>(
    `SELECT kind, dedupe_key, link FROM notifications.notifications WHERE user_id = $1 AND dedupe_key LIKE '%' || $2 || '%' ORDER BY created_at, dedupe_key`,
    [userId, subjectId],
  )).map((n) => n.dedupe_key);

describe('licensing deadlines', () => {
  it('reminds of the committee opinion 7 days before it is due, then says it is overdue, to the delegation only', async () => {
    const { id } = await createInstitution(server);
    await ok(id, { kind: 'application_filed', occurredOn: day(-10) });
    const due = day(20);
    const kind = 'registry.licensing.committee_opinion';

    await runDeadlineSweep(server.db, day(5)); // 15 days before: too early
    expect(await notices(delegate.id, id)).toEqual([]);
    await runDeadlineSweep(server.db, day(15)); // 5 days left: the 7-day reminder
    expect(await notices(delegate.id, id)).toEqual([`${kind}:${id}:${due}:r7`]);
    await runDeadlineSweep(server.db, day(22)); // 2 days late
    expect(await notices(delegate.id, id)).toEqual([`${kind}:${id}:${due}:r7`, `${kind}:${id}:${due}:overdue`]);
    const [link] = await server.owner<{ link: string }>(`SELECT link FROM notifications.notifications WHERE user_id = $1 AND dedupe_key = $2`, [delegate.id, `${kind}:${id}:${due}:overdue`]);
    expect(link!.link).toBe(`/registry/institutions/${id}?tab=licensing`);
    expect(await notices(otherDelegate.id, id)).toEqual([]);
  });

  it('raises nothing while the clock is stopped, and counts the full delay again once the file is complete', async () => {
    const { id } = await createInstitution(server);
    await ok(id, { kind: 'application_filed', occurredOn: day(-40) });
    const requested = await delegate.post(`/api/institutions/${id}/licensing/request-document`, { occurredOn: day(-35), note: 'Plans visés manquants' });
    expect(requested.statusCode, requested.body).toBe(200);
    await runDeadlineSweep(server.db, day(1));
    expect(await notices(delegate.id, id)).toEqual([]);

    const completed = await delegate.post(`/api/institutions/${id}/licensing/file-complete`, { occurredOn: day(0) });
    expect(completed.statusCode, completed.body).toBe(200);
    await runDeadlineSweep(server.db, day(25));
    expect(await notices(delegate.id, id)).toEqual([`registry.licensing.committee_opinion:${id}:${day(30)}:r7`]);
  });

  it('reminds of the ministry decision due 60 days after the file is sent', async () => {
    const { id } = await createInstitution(server);
    await ok(id, { kind: 'application_filed', occurredOn: day(-20) });
    await ok(id, { kind: 'committee_opinion', occurredOn: day(-15), opinion: 'favourable' });
    await ok(id, { kind: 'file_sent', occurredOn: day(-10) });
    await runDeadlineSweep(server.db, day(51)); // 60 - 10 - 51 = -1: overdue by one day
    expect(await notices(delegate.id, id)).toEqual([`registry.licensing.ministry_decision:${id}:${day(50)}:overdue`]);
  });

  it('asks the director to declare a change of the record within 8 days, and stops once it is declared', async () => {
    const { id } = await createInstitution(server);
    await ok(id, { kind: 'application_filed', occurredOn: day(-90) });
    await ok(id, { kind: 'committee_opinion', occurredOn: day(-80), opinion: 'favourable' });
    await ok(id, { kind: 'file_sent', occurredOn: day(-70) });
    await ok(id, { kind: 'ministry_decision', occurredOn: day(-20), outcome: 'authorised', licenceNumber: 'AUT-CHG-1', licenceDate: day(-20) });
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: id } });

    // The capacity changes on the record: a change to declare, due in 8 days.
    await server.owner('UPDATE registry.institutions SET capacity_male = capacity_male + 10 WHERE id = $1', [id]);
    const state = (await director.get(`/api/institutions/${id}/licensing`)).json() as Licensing;
    expect(state.openChanges).toEqual([{ id: expect.any(String), changeSubject: 'capacity', changeOn: today, dueOn: day(8), daysLeft: 8 }]);
    const changeId = state.openChanges[0]!.id;

    await runDeadlineSweep(server.db, day(10));
    const kind = 'registry.licensing.change_declaration';
    expect(await notices(director.id, changeId)).toEqual([`${kind}:${changeId}:${day(8)}:overdue`]);
    expect(await notices(delegate.id, changeId)).toEqual([`${kind}:${changeId}:${day(8)}:overdue`]);

    const listed = async () =>
      ((await director.get(`/api/deadlines?kind=${kind}&limit=200`)).json() as { items: { subjectId: string; daysLeft: number }[] }).items.filter((d) => d.subjectId === changeId);
    expect(await listed()).toEqual([expect.objectContaining({ daysLeft: 8 })]);
    const declared = await director.post(`/api/institutions/${id}/licensing/steps`, { kind: 'change_declared', occurredOn: today, changeOn: today, changeSubject: 'capacity', changeId });
    expect(declared.statusCode, declared.body).toBe(200);
    expect((declared.json() as Licensing).openChanges).toEqual([]);
    // A change answered once cannot be declared again.
    const twice = await director.post(`/api/institutions/${id}/licensing/steps`, { kind: 'change_declared', occurredOn: today, changeOn: today, changeSubject: 'capacity', changeId });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].path).toBe('changeId');
    expect(await listed()).toEqual([]);
  });

  it('reminds that a closure notice ends, 6 months after it was given', async () => {
    const { id } = await createInstitution(server);
    await ok(id, { kind: 'application_filed', occurredOn: day(-90) });
    await ok(id, { kind: 'committee_opinion', occurredOn: day(-80), opinion: 'favourable' });
    await ok(id, { kind: 'file_sent', occurredOn: day(-70) });
    await ok(id, { kind: 'ministry_decision', occurredOn: day(-20), outcome: 'authorised', licenceNumber: 'AUT-CLO-1', licenceDate: day(-20) });
    const closing = await ok(id, { kind: 'closure_notified', occurredOn: day(-1) });
    const end = closing.clock!.dueOn!;
    await runDeadlineSweep(server.db, addDays(end, -3));
    expect(await notices(delegate.id, id)).toEqual([`registry.licensing.closure_notice:${id}:${end}:r7`]);
  });
});
