/**
 * Institutions in a real browser: the list (search in Arabic and Latin letters, a filter, the
 * export link), the institution page and its tabs, creating an institution in Arabic and in
 * French with the founder and commune pickers (and a duplicate name refused on its field),
 * accessible in both languages.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssociation, createCommune, createInstitution } from '../src/modules/registry/testing/factories.ts';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { signedInPage, expectAccessible } = app;

let taliba: string;
let communeAr: string;
let communeFr: string;
let region: { name_ar: string; name_fr: string };
let province: { name_ar: string; name_fr: string };
beforeAll(async () => {
  const server = app.server;
  const commune = await createCommune(server, { province: '09.001', nameAr: 'جماعة تيكيوين', nameFr: 'Tikiouine' });
  communeAr = 'جماعة تيكيوين';
  communeFr = 'Tikiouine';
  const founder = await createAssociation(server, { communeId: commune.id, nameAr: 'جمعية تيفاوين للرعاية', nameFr: 'Association Tifawine' });
  taliba = (await createInstitution(server, { associationId: founder.id, communeId: commune.id, nameAr: 'دار الطالبة تيكيوين', nameFr: 'Dar Taliba Tikiouine', sexServed: 'girls', capacityFemale: 64 })).id;
  await createInstitution(server, { associationId: founder.id, communeId: commune.id, nameAr: 'مركز الأشخاص في وضعية إعاقة تيكيوين', nameFr: 'Centre Handicap Tikiouine', legalCategory: 'disability', centreType: 'disability_centre' });
  await createInstitution(server, { province: '09.273', nameAr: 'دار الطالبة إنزكان', nameFr: 'Dar Taliba Inezgane' });
  await server.owner(`UPDATE registry.institutions SET status = 'authorised', licence_number = 'AGA-2021-014', licence_date = '2021-06-15' WHERE id = $1`, [taliba]);
  [region] = await server.owner<{ name_ar: string; name_fr: string }>(`SELECT name_ar, name_fr FROM territory.regions WHERE code = '09'`) as [{ name_ar: string; name_fr: string }];
  [province] = await server.owner<{ name_ar: string; name_fr: string }>(`SELECT name_ar, name_fr FROM territory.provinces WHERE code = '09.001'`) as [{ name_ar: string; name_fr: string }];
});

const direction = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
const rows = (page: Page) => page.getByTestId('institutions-table').locator('tbody tr');

async function choose(page: Page, testId: string, option: string, type?: string) {
  const input = page.getByTestId(testId);
  await input.click();
  if (type) await input.fill(type);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The account keeps the language last chosen (an earlier test may have switched it): set it. */
async function inLanguage(page: Page, lang: 'ar' | 'fr') {
  if ((await direction(page)).lang !== lang) await page.getByTestId(`language-${lang}`).click();
  await expect.poll(() => direction(page)).toEqual({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
}

describe('institutions', () => {
  it('lists the delegation’s institutions, searches in both scripts, filters, and offers the export', async () => {
    const page = await signedInPage('agadir');
    await inLanguage(page, 'ar');
    await page.getByTestId('nav-institutions').click();
    await page.getByTestId('institutions-table').waitFor();
    await expect.poll(() => rows(page).filter({ hasText: 'تيكيوين' }).count()).toBe(2);
    // Another delegation's institution is not listed.
    await expect.poll(() => rows(page).filter({ hasText: 'إنزكان' }).count()).toBe(0);
    await expectAccessible(page, 'list ar');

    await page.getByTestId('institutions-search').fill('dar taliba tikiouine');
    await expect.poll(() => rows(page).count()).toBe(1);
    await expect.poll(() => rows(page).first().textContent()).toContain('دار الطالبة تيكيوين');
    await page.getByTestId('institutions-search').fill('الطالبه تيكيوين');
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.getByTestId('institutions-search').fill('تيكيوين');
    await choose(page, 'institutions-filter-category', 'مؤسسات التكفل بالأشخاص في وضعية إعاقة');
    await expect.poll(() => rows(page).count()).toBe(1);
    await expect.poll(() => rows(page).first().textContent()).toContain('إعاقة');
    const href = await page.getByTestId('institutions-export').getAttribute('href');
    expect(href).toContain('category=disability');
    const file = await page.request.get(`${app.server.baseUrl}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');

    await page.getByTestId('language-fr').click();
    await expect.poll(() => direction(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await page.getByTestId('institutions-reset').click();
    await expect.poll(() => rows(page).filter({ hasText: 'Tikiouine' }).count()).toBe(2);
    await expectAccessible(page, 'list fr');
    await page.context().close();
  });

  it('shows the institution page with its licence and every tab, in Arabic and French', async () => {
    const page = await signedInPage('agadir');
    await inLanguage(page, 'ar');
    await page.goto(`${app.server.baseUrl}/app/registry/institutions/${taliba}`);
    await expect.poll(() => page.getByTestId('institution-licence').textContent()).toContain('AGA-2021-014');
    await page.getByTestId('institution-identity').waitFor();
    await expectAccessible(page, 'identity ar');
    await page.getByTestId('institution-tab-capacity').click();
    await page.getByTestId('institution-services').waitFor();
    await page.getByTestId('institution-service-accommodation').check();
    await page.getByTestId('institution-services-save').click();
    await page.getByTestId('institution-services-saved').waitFor();
    await expectAccessible(page, 'capacity ar');
    await page.getByTestId('institution-tab-governance').click();
    await page.getByTestId('institution-director').waitFor();
    await page.getByTestId('institution-member-add').click();
    await page.getByTestId('institution-member-fullName').fill('خديجة العمراني');
    await page.getByTestId('institution-member-submit').click();
    await page.getByTestId('institution-committee').waitFor();
    await expectAccessible(page, 'governance ar');
    await page.getByTestId('institution-tab-documents').click();
    await page.getByTestId('documents-panel').waitFor();
    await page.getByTestId('institution-tab-history').click();
    await page.getByTestId('record-history').waitFor();
    // The committee member just added, with the seat's name rather than its code.
    await expect.poll(() => page.getByTestId('record-history').textContent()).toContain('خديجة العمراني');
    await expect.poll(() => page.getByTestId('record-history').textContent()).toContain('ممثل المستخدمين');
    await expectAccessible(page, 'history ar');

    await page.getByTestId('language-fr').click();
    await expect.poll(() => direction(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await page.getByTestId('institution-tab-identity').click();
    await page.getByTestId('institution-identity').waitFor();
    await expect.poll(() => page.getByTestId('institution-licence').textContent()).toContain('Autorisation n° AGA-2021-014');
    await expectAccessible(page, 'identity fr');
    await page.getByTestId('institution-tab-capacity').click();
    await page.getByTestId('institution-services').waitFor();
    await expectAccessible(page, 'capacity fr');

    // Editing: the form opens filled in; only what changed is sent.
    await page.getByTestId('institution-edit').click();
    await expect.poll(() => page.getByTestId('institution-field-nameFr').inputValue()).toBe('Dar Taliba Tikiouine');
    await page.getByTestId('institution-field-capacityFemale').fill('72');
    await expectAccessible(page, 'edit form fr');
    await page.getByTestId('institution-submit').click();
    await page.getByTestId('institution-identity').waitFor();
    const [row] = await app.server.owner<{ capacity_female: number; name_fr: string }>('SELECT capacity_female, name_fr FROM registry.institutions WHERE id = $1', [taliba]);
    expect(row).toEqual({ capacity_female: 72, name_fr: 'Dar Taliba Tikiouine' });
    await page.context().close();
  });

  it('is usable on a phone', async () => {
    // On a phone the language switch sits in the menu: the account's language is set before signing in.
    await app.server.owner(`UPDATE access.users SET language = 'ar' WHERE username = 'agadir'`);
    const page = await signedInPage('agadir', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await expect.poll(() => direction(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.goto(`${app.server.baseUrl}/app/registry/institutions`);
    await page.getByTestId('institutions-table').waitFor();
    await page.getByTestId('institutions-search').fill('taliba tikiouine');
    await expect.poll(() => rows(page).count()).toBe(1);
    // The filters stack in one column: the search box spans the screen, the page does not scroll sideways.
    const box = await page.getByTestId('institutions-search').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await expectAccessible(page, 'list on a phone');
    await page.context().close();
  });

  for (const lang of ['ar', 'fr'] as const) {
    it(`creates an institution with the founder and commune pickers (${lang}), and refuses a duplicate name`, async () => {
      const page = await signedInPage('agadir');
      await inLanguage(page, lang);
      await page.goto(`${app.server.baseUrl}/app/registry/institutions/new`);
      const suffix = lang === 'ar' ? 'أ' : 'B';
      await page.getByTestId('institution-field-nameAr').fill(`دار الطالب تيكيوين ${suffix}`);
      await page.getByTestId('institution-field-nameFr').fill(`Dar Talib Tikiouine ${suffix}`);
      await choose(page, 'institution-founder', lang === 'ar' ? 'جمعية تيفاوين للرعاية' : 'Association Tifawine', 'tifawine');
      await choose(page, 'institution-field-legalCategory', lang === 'ar' ? 'مؤسسات التكفل بالأطفال المتمدرسين' : "Établissements de prise en charge des enfants scolarisés");
      await choose(page, 'institution-region', lang === 'ar' ? region.name_ar : region.name_fr);
      await choose(page, 'institution-province', lang === 'ar' ? province.name_ar : province.name_fr);
      await choose(page, 'institution-commune', lang === 'ar' ? communeAr : communeFr);
      await choose(page, 'institution-field-area', lang === 'ar' ? 'قروي' : 'Rural');
      await choose(page, 'institution-field-mode', lang === 'ar' ? 'إقامة' : 'Hébergement');
      await choose(page, 'institution-field-sexServed', lang === 'ar' ? 'ذكور' : 'Garçons');
      await page.getByTestId('institution-field-capacityMale').fill('48');
      await expectAccessible(page, `create form ${lang}`);
      await page.getByTestId('institution-submit').click();
      await page.getByTestId('institution-identity').waitFor();
      const [row] = await app.server.owner<{ capacity_total: number; status: string }>(`SELECT capacity_total, status FROM registry.institutions WHERE name_fr = $1`, [`Dar Talib Tikiouine ${suffix}`]);
      expect(row).toEqual({ capacity_total: 48, status: 'pending' });

      // The same name again in the same commune: the server's answer lands on the field.
      await page.goto(`${app.server.baseUrl}/app/registry/institutions/new`);
      await page.getByTestId('institution-field-nameAr').fill(`دار الطالب تيكيوين ${suffix}`);
      await page.getByTestId('institution-field-nameFr').fill(`DAR TALIB TIKIOUINE ${suffix}`);
      await choose(page, 'institution-founder', lang === 'ar' ? 'جمعية تيفاوين للرعاية' : 'Association Tifawine', 'tifawine');
      await choose(page, 'institution-field-centreType', lang === 'ar' ? 'دار الطالب(ة)' : 'Dar Talib / Dar Taliba');
      await choose(page, 'institution-region', lang === 'ar' ? region.name_ar : region.name_fr);
      await choose(page, 'institution-province', lang === 'ar' ? province.name_ar : province.name_fr);
      await choose(page, 'institution-commune', lang === 'ar' ? communeAr : communeFr);
      await choose(page, 'institution-field-area', lang === 'ar' ? 'قروي' : 'Rural');
      await choose(page, 'institution-field-mode', lang === 'ar' ? 'إقامة' : 'Hébergement');
      await choose(page, 'institution-field-sexServed', lang === 'ar' ? 'ذكور' : 'Garçons');
      await page.getByTestId('institution-submit').click();
      await expect.poll(() => page.getByText(lang === 'ar' ? 'توجد مؤسسة' : 'Un établissement porte déjà ce nom', { exact: false }).count()).toBeGreaterThan(0);
      await expectAccessible(page, `duplicate refused ${lang}`);
      await page.context().close();
    });
  }
});
