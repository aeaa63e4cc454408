/**
 * The association screens in a real Chromium: the list with its name search, the association
 * page with its board, and the creation form (a wrong RIB key refused with its message, then
 * saved), in Arabic and in French, and accounts placed on an association or an institution
 * with the user form's pickers, with no serious accessibility violation.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAssociation, createCommune, createInstitution, validRib } from '../src/modules/registry/testing/factories.ts';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { signedInPage, expectAccessible } = app;

/** Waits until no dialog is left (its fading overlay would dim the page under the contrast check). */
async function noDialog(page: Page) {
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await page.waitForTimeout(300);
}

/** Picks an option of a Mantine Select (a combobox) by its visible label. */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('associations', () => {
  it('lists, finds by Arabic name and opens an association with its board and institutions, in Arabic', async () => {
    const commune = await createCommune(app.server, { province: '09.001', nameAr: 'جماعة الاختبار أ', nameFr: 'Commune Test A' });
    const a = await createAssociation(app.server, { communeId: commune.id, nameAr: 'جمعية الأمل زكرياء للطفولة', nameFr: 'Association Espoir Zakaria Enfance' });
    await createInstitution(app.server, { associationId: a.id, communeId: commune.id, nameAr: 'دار الطالبة الأمل', nameFr: 'Dar Taliba Al Amal' });
    const page = await signedInPage('agadir');
    await page.getByTestId('nav-associations').click();
    await page.getByTestId('associations-table').waitFor();
    await expectAccessible(page, 'associations ar');
    await page.getByTestId('associations-search').fill('الامل زكرياء');
    const rows = page.getByTestId('associations-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('link', { name: 'جمعية الأمل زكرياء للطفولة' }).click();
    await page.getByTestId('association-identity').waitFor();
    await expect.poll(() => page.getByTestId('association-institutions').getByText('دار الطالبة الأمل').count()).toBe(1);

    await page.getByTestId('board-add').click();
    await page.getByTestId('board-field-fullNameAr').fill('خديجة البقالي');
    await choose(page, 'board-field-role', 'الرئيس(ة)');
    await page.getByTestId('board-field-cnie').fill('jb123456');
    await page.getByTestId('board-field-phone').fill('0661 22 33 44');
    await page.getByTestId('board-field-mandateStart').fill('2024-01-01');
    await page.getByTestId('board-field-mandateEnd').fill('2023-01-01');
    await page.getByTestId('board-submit').click();
    await expect.poll(() => page.getByText('يجب أن تأتي نهاية الولاية بعد بدايتها.').count()).toBeGreaterThan(0);
    await page.getByTestId('board-field-mandateEnd').fill('2028-01-01');
    await page.getByTestId('board-submit').click();
    await expect.poll(() => page.getByTestId('association-board').getByText('JB123456').count()).toBe(1);
    await noDialog(page);
    await expectAccessible(page, 'association ar');
    const [member] = await app.server.owner<{ phone: string }>('SELECT phone FROM registry.board_members WHERE association_id = $1', [a.id]);
    expect(member!.phone).toBe('+212661223344');
    await page.context().close();
  });

  it('creates an association in French; a wrong RIB key is refused with its message first', async () => {
    const commune = await createCommune(app.server, { province: '09.273', nameAr: 'جماعة الاختبار ب', nameFr: 'Commune Test B' });
    await app.server.owner(`UPDATE access.users SET language = 'fr' WHERE username = 'inezgane'`);
    const page = await signedInPage('inezgane');
    await page.getByTestId('nav-associations').click();
    await page.getByTestId('associations-table').or(page.getByText('Aucun', { exact: false }).first()).first().waitFor();
    await page.getByTestId('association-create').click();
    await page.getByTestId('association-field-nameAr').fill('جمعية النور');
    await page.getByTestId('association-field-nameFr').fill('Association Annour');
    await page.getByTestId('association-field-receiptNumber').fill('R-2019-44');
    await page.getByTestId('association-field-receiptDate').fill('2019-05-02');
    const rib = validRib();
    await page.getByTestId('association-field-rib').fill(rib.slice(0, 22) + (rib.endsWith('00') ? '01' : '00'));
    await choose(page, 'association-field-province', 'Inezgane-Aït Melloul');
    await choose(page, 'association-field-communeId', 'Commune Test B');
    await page.getByTestId('association-field-phone').fill('0528 33 44 55');
    await expectAccessible(page, 'association form fr');
    await page.getByTestId('association-submit').click();
    await expect.poll(() => page.getByText('La clé du RIB est incorrecte : vérifiez les chiffres.').count()).toBeGreaterThan(0);
    await page.getByTestId('association-field-rib').fill(rib);
    await page.getByTestId('association-submit').click();
    await page.getByTestId('association-identity').waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Association Annour' }).count()).toBe(1);
    await noDialog(page);
    await expectAccessible(page, 'association fr');
    const [row] = await app.server.owner<{ phone: string; commune_id: string }>(`SELECT phone, commune_id FROM registry.associations WHERE name_fr = 'Association Annour'`);
    expect(row).toEqual({ phone: '+212528334455', commune_id: commune.id });
    await page.getByRole('link', { name: 'Retour', exact: false }).first().click();
    await page.getByTestId('associations-table').waitFor();
    await expectAccessible(page, 'associations fr');
    await page.context().close();
  });

  it('a delegate creates an association officer account by picking the association by name', async () => {
    const a = await createAssociation(app.server, { province: '09.001', nameAr: 'جمعية الوفاء للتضامن', nameFr: 'Association Al Wafae Solidarite' });
    const page = await signedInPage('agadir');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('create-user').click();
    await page.getByTestId('user-username').fill('wafae-officer');
    await page.getByTestId('user-password').fill('a-strong-password');
    await page.getByTestId('user-fullNameAr').fill('مسؤول جمعية الوفاء');
    await page.getByTestId('user-fullNameFr').fill('Responsable Al Wafae');
    await choose(page, 'user-role', 'مسؤول الجمعية');
    await page.getByTestId('user-scope-registry').fill('الوفاء');
    await page.getByRole('option', { name: 'جمعية الوفاء للتضامن', exact: true }).click();
    await expectAccessible(page, 'user form association ar');
    await page.getByTestId('user-submit').click();
    await expect.poll(async () => (await app.server.owner(`SELECT association_id FROM access.users WHERE username = 'wafae-officer'`)).map((r) => r.association_id), { timeout: 10_000 }).toEqual([a.id]);
    await page.context().close();
  });

  it('a delegate creates an institution director account by picking the institution by name', async () => {
    const i = await createInstitution(app.server, { province: '09.001', nameAr: 'دار الطالب الرحمة', nameFr: 'Dar Talib Arrahma' });
    const page = await signedInPage('agadir');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('create-user').click();
    await page.getByTestId('user-username').fill('arrahma-director');
    await page.getByTestId('user-password').fill('a-strong-password');
    await page.getByTestId('user-fullNameAr').fill('مدير دار الطالب الرحمة');
    await page.getByTestId('user-fullNameFr').fill('Directeur Dar Talib Arrahma');
    await choose(page, 'user-role', 'مدير المؤسسة');
    await page.getByTestId('user-scope-registry').fill('الرحمة');
    await page.getByRole('option', { name: 'دار الطالب الرحمة', exact: true }).click();
    await page.getByTestId('user-submit').click();
    await expect.poll(async () => (await app.server.owner(`SELECT institution_id, association_id FROM access.users WHERE username = 'arrahma-director'`)), { timeout: 10_000 })
      .toEqual([{ institution_id: i.id, association_id: i.associationId }]);
    await page.context().close();
  });
});
