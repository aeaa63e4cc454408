/**
 * The matching screens in a real Chromium: the national duplicate check finds a person written in
 * the other script and held by another delegation, shows only the holder and sends an access
 * request (Arabic); the holding delegation grants it, and approves a merge proposed by a colleague
 * (French). No serious accessibility violation in either language.
 */
import { describe, expect, it } from 'vitest';
import { createPerson } from '../src/modules/beneficiaries/testing/factories.ts';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { signedInPage, expectAccessible } = app;

/** Runs SQL as the owner with a delegation user's settings, as the application would. */
async function asDelegationUser(username: string, statement: string): Promise<void> {
  const [user] = await app.server.owner<{ id: string; delegation_id: string; region_id: string }>(
    `SELECT u.id, u.delegation_id, d.region_id FROM access.users u JOIN organisation.delegations d ON d.id = u.delegation_id WHERE u.username = $1`,
    [username],
  );
  await app.server.owner(
    `BEGIN; SELECT set_config('app.user_id', '${user!.id}', true), set_config('app.delegation_id', '${user!.delegation_id}', true); ${statement}; COMMIT;`,
  );
}

describe('matching', () => {
  it('finds a person of another delegation across scripts and asks the holder for access, in Arabic', async () => {
    const person = await createPerson(app.server, {
      delegation: '09.273', firstNameAr: 'يوسف', lastNameAr: 'الوزاني', firstNameLat: null, lastNameLat: null, sex: 'male', birthDate: '1996-04-17',
    });
    const page = await signedInPage('agadir-social');
    await page.getByTestId('nav-match-check').click();
    await page.getByTestId('match-check-form').waitFor();
    await page.getByTestId('match-field-firstNameLat').fill('Youssef');
    await page.getByTestId('match-field-lastNameLat').fill('El Ouazzani');
    await page.getByTestId('match-field-birthDate').fill('1996-04-17');
    await page.getByTestId('match-check-submit').click();
    const card = page.getByTestId(`match-candidate-${person.id}`);
    await card.waitFor();
    await expect.poll(() => card.getByText('شخص تتابعه مندوبية أخرى').count()).toBe(1);
    expect(await card.getByText('الوزاني').count()).toBe(0);
    await expectAccessible(page, 'duplicate check ar');
    await page.getByTestId(`match-ask-${person.id}`).click();
    await page.getByTestId('match-ask-reason').fill('الأسرة انتقلت إلى أكادير');
    await page.getByTestId('match-ask-send').click();
    await page.getByTestId('match-asked').waitFor();
    await expectAccessible(page, 'access asked ar');
    const [request] = await app.server.owner<{ kind: string; status: string }>('SELECT kind, status FROM beneficiaries.access_requests WHERE person_id = $1', [person.id]);
    expect(request).toEqual({ kind: 'access', status: 'pending' });
    await page.context().close();
  });

  it('grants an incoming access request and approves a colleague’s merge proposal, in French', async () => {
    const asked = await createPerson(app.server, { delegation: '09.273', firstNameLat: 'Salma', lastNameLat: 'Bouzid', firstNameAr: null, lastNameAr: null });
    await asDelegationUser('agadir', `INSERT INTO beneficiaries.access_requests (person_id, kind, reason) VALUES ('${asked.id}', 'access', 'Suivi de la famille')`);
    const kept = await createPerson(app.server, { delegation: '09.273', firstNameLat: 'Hajar', lastNameLat: 'Tahiri', firstNameAr: null, lastNameAr: null });
    const merged = await createPerson(app.server, { delegation: '09.273', firstNameLat: 'Hajare', lastNameLat: 'Et-Tahiri', firstNameAr: null, lastNameAr: null, phone: '+212677001122' });
    const [colleague] = await app.server.owner<{ id: string }>(
      `INSERT INTO access.users (username, password_hash, full_name_ar, full_name_fr, language, role, scope_level, region_id, delegation_id)
       SELECT 'inezgane-colleague', password_hash, 'زميل', 'Collègue', 'fr', 'provincial_delegate', 'delegation', region_id, delegation_id FROM access.users WHERE username = 'inezgane'
       RETURNING id`,
    );
    await app.server.owner(
      `BEGIN; SELECT set_config('app.user_id', '${colleague!.id}', true);
       INSERT INTO beneficiaries.merges (kept_id, merged_id, reason) VALUES ('${kept.id}', '${merged.id}', 'Même personne, orthographe différente'); COMMIT;`,
    );
    await app.server.owner(`UPDATE access.users SET language = 'fr' WHERE username = 'inezgane'`);
    const page = await signedInPage('inezgane');

    await page.getByTestId('nav-access-requests').click();
    await page.getByTestId('access-table').waitFor();
    const row = page.getByTestId('access-table').locator('tbody tr', { hasText: 'Bouzid' });
    await expect.poll(() => row.getByText('En attente').count()).toBe(1);
    await expectAccessible(page, 'access requests fr');
    const [request] = await app.server.owner<{ id: string }>('SELECT id FROM beneficiaries.access_requests WHERE person_id = $1', [asked.id]);
    await page.getByTestId(`access-grant-${request!.id}`).click();
    await expect.poll(() => row.getByText('Accordée').count()).toBe(1);

    await page.getByTestId('nav-merges').click();
    await page.getByTestId('merges-table').waitFor();
    const [merge] = await app.server.owner<{ id: string }>('SELECT id FROM beneficiaries.merges WHERE merged_id = $1', [merged.id]);
    await page.getByTestId(`merge-approve-${merge!.id}`).waitFor();
    await expectAccessible(page, 'merges fr');
    await page.getByTestId(`merge-approve-${merge!.id}`).click();
    // Approving moves records: it is confirmed first.
    await page.getByTestId('merge-confirm').waitFor();
    await expectAccessible(page, 'merge confirmation fr');
    await page.getByTestId('merge-confirm').click();
    await expect.poll(async () => (await app.server.owner<{ merged_into: string | null }>('SELECT merged_into FROM beneficiaries.persons WHERE id = $1', [merged.id]))[0]!.merged_into).toBe(kept.id);
    await page.getByTestId('merges-status').click();
    await page.getByRole('option', { name: 'Appliquée', exact: true }).click();
    await page.getByTestId(`merge-revert-${merge!.id}`).waitFor();
    // The kept record had no phone: the merged one's filled it, and the screen says so.
    await expect.poll(() => page.getByText('Complété sur le dossier conservé : Téléphone').count()).toBe(1);
    await expectAccessible(page, 'merges applied fr');
    await page.context().close();
  });
});
