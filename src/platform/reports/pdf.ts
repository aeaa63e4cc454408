/**
 * PDF rendering: the report becomes an HTML document printed by headless Chromium. Chromium
 * shapes Arabic (joined letters, right-to-left tables, digits in order) where PDF libraries
 * such as pdfkit garble it.
 */
import { withPage } from './browser.ts';
import { FONT_FAMILY, fontFaceCss } from './fonts.ts';
import { LANGS, cellText, formatIssueDate, formatters, type Formatters } from './format.ts';
import { localized, toCells, type Cell, type RenderOptions, type ReportLang, type TableReport } from './table-report.ts';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Page margins hold Chromium's header and footer templates, which print into them.
const MARGIN = { top: '28mm', bottom: '16mm', inline: '12mm' };

const BASE_CSS = `
html { font-family: '${FONT_FAMILY}', serif; font-size: 10pt; line-height: 1.5; color: #111; }
/* Collapsed borders straddle the table's edge: the padding keeps the outer half on the page. */
body { margin: 0; padding: 0 1pt; }
table { inline-size: 100%; border-collapse: collapse; }
/* Repeats the column headers at the top of every page. */
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #8a8a8a; padding-block: 1pt; padding-inline: 4pt; text-align: start; vertical-align: top; }
th { background: #e3ebf3; font-weight: 700; }
tbody tr:nth-child(even) { background: #f6f6f6; }
td.num { text-align: end; white-space: nowrap; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
`;

/** The PDF of a report in one language. */
export async function renderPdf(report: TableReport, lang: ReportLang, options: RenderOptions = {}): Promise<Buffer> {
  const html = reportHtml(report, lang);
  const issuedAt = options.issuedAt ?? new Date();
  return withPage(async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    // Fonts load lazily at first use; printing before they are ready would print fallback glyphs.
    await page.evaluate(() => Promise.all([...document.fonts].map((face) => face.load())).then(() => undefined));
    const pdf = await page.pdf({
      format: 'A4',
      landscape: report.orientation === 'landscape',
      printBackground: true,
      tagged: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(report, lang, issuedAt),
      footerTemplate: footerTemplate(lang),
      margin: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.inline, right: MARGIN.inline },
    });
    return Buffer.from(pdf);
  });
}

/** The printed document: the table only; title, level and date are in the page header. */
export function reportHtml(report: TableReport, lang: ReportLang): string {
  const { title, headers } = localized(report, lang);
  const f = formatters(lang);
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = toCells(report)
    .map((row) => `<tr>${row.map((cell) => cellHtml(cell, f, lang)).join('')}</tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="${lang}" dir="${LANGS[lang].dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">
<title>${escapeHtml(title)}</title>
<style>${fontFaceCss([400, 700])}${BASE_CSS}</style>
</head>
<body>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>`;
}

function cellHtml(cell: Cell, f: Formatters, lang: ReportLang): string {
  const text = escapeHtml(cellText(cell, f));
  switch (cell.kind) {
    case 'empty':
      return '<td></td>';
    case 'text':
      // Isolated with its own direction: a French name in an Arabic report (or the reverse) keeps
      // its punctuation and digits in place, and the cell keeps the table's alignment.
      return `<td><bdi>${text}</bdi></td>`;
    case 'money':
      // The amount is isolated left to right, or its group separators would reorder it in Arabic;
      // the currency follows it in the reading direction.
      return `<td class="num"><bdi dir="ltr">${text}</bdi> ${escapeHtml(LANGS[lang].currency)}</td>`;
    case 'number':
    case 'percent':
    case 'date':
      return `<td class="num"><bdi dir="ltr">${text}</bdi></td>`;
  }
}

// Chromium renders the templates in their own document: they need their own fonts and styles,
// and their font size must be set (it defaults to a few pixels). Chromium fills the elements of
// classes date, title, url, pageNumber and totalPages: our own classes avoid those names.
function templateCss(extra: string): string {
  return `<style>${fontFaceCss([400, 700])}
.band { font-family: '${FONT_FAMILY}', serif; font-size: 9pt; line-height: 1.4; color: #222;
  inline-size: 100%; box-sizing: border-box; padding-inline: ${MARGIN.inline}; }
${extra}</style>`;
}

function headerTemplate(report: TableReport, lang: ReportLang, issuedAt: Date): string {
  const { title, levelName } = localized(report, lang);
  const { dir, issuedOn } = LANGS[lang];
  const date = `${issuedOn} ${formatIssueDate(issuedAt, lang)}`;
  return `${templateCss(`
.head { display: flex; align-items: flex-end; justify-content: space-between; gap: 8mm;
  margin-block-start: 6mm; padding-block-end: 1.5mm; border-block-end: 0.8pt solid #1f4e79; }
.level { font-weight: 700; }
.report-title { font-size: 12pt; font-weight: 700; color: #1f4e79; }
.issued { white-space: nowrap; }`)}
<div class="band" dir="${dir}" lang="${lang}"><div class="head">
<div><div class="level">${escapeHtml(levelName)}</div><div class="report-title">${escapeHtml(title)}</div></div>
<div class="issued">${escapeHtml(date)}</div>
</div></div>`;
}

function footerTemplate(lang: ReportLang): string {
  const { dir, page, of } = LANGS[lang];
  // Chromium fills the pageNumber and totalPages elements at print time.
  return `${templateCss('.foot { text-align: center; }')}
<div class="band foot" dir="${dir}" lang="${lang}">${escapeHtml(page)} <span class="pageNumber"></span> ${escapeHtml(of)} <span class="totalPages"></span></div>`;
}
