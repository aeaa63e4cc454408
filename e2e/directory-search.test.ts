/**
 * The public directory's search and institution pages in a real Chromium, over the demo data with
 * its institutions published: in Arabic and in French, with JavaScript disabled (search, then open
 * an institution), no serious axe violation on either page, the search button reachable by
 * keyboard, no horizontal scroll at 200% zoom, and the "near me" button only when scripts run.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useStaffApp } from './staff-app.ts';

const app = useStaffApp({ RAAYA_DIRECTORY_REFRESH_SECONDS: '0' });
const { newPage, expectAccessible } = app;

const home = { ar: '/', fr: '/fr/' } as const;
const words = {
  ar: { submit: 'بحث', region: 'الجهة', results: 'النتائج' },
  fr: { submit: 'Rechercher', region: 'Région', results: 'Résultats' },
} as const;

beforeAll(async () => {
  // Publish the demo's operating institutions of Souss-Massa (whatever the demo already published).
  await app.server.owner(
    `INSERT INTO directory.publications (institution_id, published, published_at, public_fields, availability, places_available, availability_updated_at)
     SELECT i.id, true, now(), ARRAY['address', 'phone', 'hours', 'capacity', 'availability', 'position', 'licence'], 'available', 4, now()
     FROM registry.institutions i JOIN territory.regions r ON r.id = i.region_id
     WHERE r.code = '09' AND i.status IN ('pending', 'authorised', 'closing')
     ON CONFLICT (institution_id) DO UPDATE SET published = true, published_at = now()`,
  );
});

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('public directory search and institution pages', () => {
  for (const lang of ['ar', 'fr'] as const) {
    it(`searches and opens an institution without JavaScript, accessibly (${lang})`, async () => {
      const page = await newPage({ javaScriptEnabled: false });
      await page.goto(`${app.server.baseUrl}${home[lang]}`);
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      // Without scripts the "near me" button stays hidden: nothing on the page needs JavaScript.
      expect(await page.locator('#near-me').isVisible()).toBe(false);
      await page.getByLabel(words[lang].region).selectOption('09');
      await page.getByRole('button', { name: words[lang].submit }).click();
      await page.waitForURL(/region=09/);
      const heading = await page.locator('#results-heading').innerText();
      expect(heading).toContain(words[lang].results);
      expect(heading).not.toMatch(/[٠-٩]/);
      const first = page.locator('ol.results h3 a').first();
      const name = await first.innerText();
      expect(name.length).toBeGreaterThan(0);
      const searchUrl = page.url();

      await first.click();
      await page.waitForURL(/\/institutions\//);
      expect(await page.locator('h1').innerText()).toBe(name);
      expect(await page.locator(`a[href^="${lang === 'fr' ? '/fr' : ''}/request?institution="]`).count()).toBe(1);
      const institutionUrl = page.url();
      await page.context().close();

      // axe-core runs as a script, so the same two pages are checked in a context with scripts on.
      const checked = await newPage();
      for (const [what, url] of [['search', searchUrl], ['institution', institutionUrl]] as const) {
        await checked.goto(url);
        await expectAccessible(checked, `${what} ${lang}`);
      }
      await checked.context().close();
    });
  }

  it('reaches the search button by keyboard, and shows "near me" when scripts run', async () => {
    const page = await newPage();
    await page.goto(`${app.server.baseUrl}/fr/`);
    await page.locator('#near-me').waitFor({ state: 'visible' });
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('type') === 'submit');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/fr\/\?/);
    await page.context().close();
  });

  it('reflows at 200% zoom (640 CSS pixels wide) with no horizontal scroll, in both languages', async () => {
    const page = await newPage({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 });
    for (const lang of ['ar', 'fr'] as const) {
      await page.goto(`${app.server.baseUrl}${home[lang]}?region=09`);
      expect(await noHorizontalScroll(page), `search ${lang}`).toBe(true);
      await page.locator('ol.results h3 a').first().click();
      await page.waitForURL(/\/institutions\//);
      expect(await noHorizontalScroll(page), `institution ${lang}`).toBe(true);
    }
    await page.context().close();
  });
});
