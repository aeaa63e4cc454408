/**
 * Documents, deadlines and notifications in a real browser: the demo documents on the Agadir
 * delegation page, an upload and its versions, the bell's unread count from the demo sweep, the
 * notifications page and the due-and-overdue page, accessible in Arabic and in French.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../src/platform/documents/samples.ts';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp();
const { newPage, signIn, expectAccessible } = app;
let agadirId: string;
beforeAll(async () => {
  agadirId = (await app.server.owner<{ id: string }>(`SELECT id FROM organisation.delegations WHERE code = '09.001'`))[0]!.id;
});

const direction = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe('documents, deadlines and notifications', () => {
  it('a delegate uploads a document on the delegation page and sees the versions of a renewed one', async () => {
    const page = await newPage();
    await signIn(page, 'agadir');
    await page.goto(`${app.server.baseUrl}/app/territory/delegations/${agadirId}`);
    const panel = page.getByTestId('documents-panel');
    const rows = panel.getByTestId('documents-row');
    await panel.getByTestId('documents-table').waitFor();
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => panel.getByText('منتهية الصلاحية').count()).toBe(1);
    await expectAccessible(page, 'delegation documents ar');

    await panel.getByTestId('documents-add').click();
    await panel.getByTestId('documents-title').fill('محضر لجنة السلامة');
    await panel.getByTestId('documents-expires-on').fill('2031-03-31');
    await panel.locator('input[type=file]').setInputFiles({ name: 'محضر.pdf', mimeType: 'application/pdf', buffer: samplePdf('Proces-verbal') });
    await expectAccessible(page, 'upload form ar');
    await panel.getByTestId('documents-submit').click();
    await panel.getByTestId('documents-saved').waitFor();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(4);
    const [stored] = await app.server.owner<{ n: string }>(`SELECT count(*) AS n FROM documents.documents d JOIN documents.document_versions v ON v.document_id = d.id WHERE d.title = 'محضر لجنة السلامة' AND v.original_name = 'محضر.pdf'`);
    expect(Number(stored!.n)).toBe(1);

    // The renewed safety certificate has two versions.
    const certificate = rows.filter({ hasText: 'Certificat de sécurité' });
    await certificate.getByTestId('documents-history').click();
    await panel.getByTestId('documents-versions').waitFor();
    await expect.poll(() => panel.getByTestId('documents-versions').locator('tbody tr').count()).toBe(2);
    await expectAccessible(page, 'versions ar');

    // A download is the stored file, with its name.
    const response = await page.request.get(`${app.server.baseUrl}${await panel.getByTestId('documents-download').first().getAttribute('href')}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['content-disposition']).toContain('attachment');
    await page.context().close();
  });

  it('the bell counts the unread notices of the demo sweep; the notifications page renders and links them', async () => {
    // The demo holds more notices than one page of 30, many created in the same instant, whose order
    // among themselves is arbitrary (the page lists read and unread ones): put the certificate's notices
    // first, and keep the newest 30 unread, the certificate's among them.
    await app.server.owner(
      `UPDATE notifications.notifications n SET created_at = clock_timestamp() FROM access.users u
       WHERE u.id = n.user_id AND u.username = 'agadir' AND n.params::text LIKE '%Certificat de sécurité incendie%'`,
    );
    await app.server.owner(
      `UPDATE notifications.notifications n SET read_at = now() FROM access.users u
       WHERE u.id = n.user_id AND u.username = 'agadir' AND n.read_at IS NULL AND n.id NOT IN (
         SELECT m.id FROM notifications.notifications m WHERE m.user_id = u.id AND m.read_at IS NULL
         ORDER BY (m.params::text LIKE '%Certificat de sécurité incendie%') DESC, m.created_at DESC, m.id DESC LIMIT 30)`,
    );
    const page = await newPage();
    await signIn(page, 'agadir');
    const [unread] = await app.server.owner<{ n: string }>(
      `SELECT count(*) AS n FROM notifications.notifications n JOIN access.users u ON u.id = n.user_id WHERE u.username = 'agadir' AND n.read_at IS NULL`,
    );
    // The expiry reminder and the expired certificate (Agadir's plan for next year is approved: no plan reminder).
    expect(Number(unread!.n)).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('notifications-bell-count').textContent(), { timeout: 10_000 }).toBe(unread!.n);
    await page.getByTestId('notifications-bell').click();
    const items = page.getByTestId('notification-item');
    await items.first().waitFor();
    await expect.poll(() => items.count()).toBe(Math.min(Number(unread!.n), 30)); // one page of 30
    // The notice's words come with the documents catalog, loaded on demand: slow on shared cores.
    await expect.poll(() => page.getByText('انتهت صلاحية «Certificat de sécurité incendie', { exact: false }).count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page, 'notifications ar');

    await page.getByTestId('language-fr').click();
    await expect.poll(() => direction(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await expect.poll(() => page.getByText('« Certificat de sécurité incendie', { exact: false }).count(), { timeout: 10_000 }).toBe(1);
    await expectAccessible(page, 'notifications fr');

    // Following a notice marks it read and opens its record.
    await page.getByText('« Certificat de sécurité incendie', { exact: false }).click();
    await page.getByTestId('documents-panel').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/territory/delegations/${agadirId}`);
    await expect.poll(() => page.getByTestId('notifications-bell-count').textContent(), { timeout: 10_000 }).toBe(String(Number(unread!.n) - 1));
    await expectAccessible(page, 'delegation documents fr');

    await page.getByTestId('nav-deadlines').click();
    const table = page.getByTestId('deadlines-table');
    await table.waitFor();
    // The delegate also owes tranches and grant reports: show the documents' expiries only.
    await page.getByTestId('deadlines-kind').click();
    await page.getByRole('option', { name: 'Expiration des documents', exact: true }).click();
    await expect.poll(() => page.getByTestId('deadlines-kind').inputValue()).toBe('Expiration des documents');
    await expect.poll(() => table.getByText('Certificat de sécurité incendie', { exact: false }).count(), { timeout: 20_000 }).toBe(1);
    await expectAccessible(page, 'deadlines fr');
    await page.getByTestId('language-ar').click();
    await expect.poll(() => direction(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await expectAccessible(page, 'deadlines ar');
    await page.context().close();
  });
});
