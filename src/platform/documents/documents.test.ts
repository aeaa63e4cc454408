import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idOf, signedIn, startTestServer, type Session, type TestServer } from '../../server/testing/harness.ts';
import { registerDocumentOwner } from './index.ts';
import { multipart, samplePdf, samplePng, sampleXlsx, type MultipartFile } from './testing/fixtures.ts';

let server: TestServer;
let agadir: string;
let inezgane: string;
beforeAll(async () => {
  server = await startTestServer({ RAAYA_MAX_UPLOAD_MB: '1' });
  agadir = await idOf(server, 'organisation.delegations', '09.001');
  inezgane = await idOf(server, 'organisation.delegations', '09.273');
});
afterAll(() => server.close());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const upload = (s: Session, fields: Record<string, string>, file?: MultipartFile, url = '/api/documents') =>
  s.request({ method: 'POST', url, ...multipart(fields, file) });
const storedFiles = async (): Promise<string[]> => {
  const root = path.join(server.config.dataDir, 'files');
  const all = await readdir(root, { recursive: true }).catch(() => [] as string[]);
  return all.filter((f) => /[0-9a-f]{64}$/.test(f) || f.endsWith('.part'));
};
const count = async (table: string) => Number((await server.owner<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

describe('documents', () => {
  it('uploads, downloads the same bytes, and keeps identical content once on disk', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const pdf = samplePdf('Assurance des locaux 2026');
    const created = await upload(delegate, { ownerType: 'delegation', ownerId: agadir, category: 'insurance', title: 'Assurance des locaux', expiresOn: '2027-01-31' }, { name: 'تأمين المقر.pdf', data: pdf });
    expect(created.statusCode, created.body).toBe(201);
    const doc = created.json();
    expect(doc).toMatchObject({ ownerType: 'delegation', ownerId: agadir, category: 'insurance', expiresOn: '2027-01-31', currentVersion: 1 });
    expect(doc.current).toMatchObject({ version: 1, sha256: sha(pdf), size: pdf.length, mediaType: 'application/pdf', originalName: 'تأمين المقر.pdf' });
    expect(doc.current.uploadedBy.id).toBe(delegate.id);

    const download = await delegate.get(`/api/documents/${doc.id}/versions/1/content`);
    expect(download.statusCode).toBe(200);
    expect(sha(download.rawPayload)).toBe(sha(pdf));
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('تأمين المقر.pdf')}`);

    // The same bytes under another document: one file on disk.
    const again = await upload(delegate, { ownerType: 'delegation', ownerId: agadir, category: 'other', title: 'Copie' }, { name: 'copie.pdf', data: pdf });
    expect(again.statusCode).toBe(201);
    expect((await storedFiles()).filter((f) => f.endsWith(sha(pdf)))).toHaveLength(1);
    expect((await storedFiles()).some((f) => f.endsWith('.part'))).toBe(false);

    const list = (await delegate.get(`/api/documents?ownerType=delegation&ownerId=${agadir}`)).json();
    expect(list.items.map((d: { title: string }) => d.title)).toEqual(['Copie', 'Assurance des locaux']);
  });

  it('a new version keeps the old one and may renew the expiry', async () => {
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const first = samplePng(4, 4);
    const doc = (await upload(worker, { ownerType: 'delegation', ownerId: agadir, category: 'safety_certificate', title: 'Certificat de sécurité', expiresOn: '2026-12-01' }, { name: 'v1.png', data: first })).json();
    const xlsx = await sampleXlsx();
    const second = await upload(worker, { expiresOn: '2027-12-01' }, { name: 'v2.xlsx', data: xlsx }, `/api/documents/${doc.id}/versions`);
    expect(second.statusCode, second.body).toBe(201);
    const detail = (await worker.get(`/api/documents/${doc.id}`)).json();
    expect(detail.currentVersion).toBe(2);
    expect(detail.expiresOn).toBe('2027-12-01');
    expect(detail.versions.map((v: { version: number; mediaType: string }) => [v.version, v.mediaType])).toEqual([
      [2, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [1, 'image/png'],
    ]);
    expect(sha((await worker.get(`/api/documents/${doc.id}/versions/1/content`)).rawPayload)).toBe(sha(first));
    expect(sha((await worker.get(`/api/documents/${doc.id}/versions/2/content`)).rawPayload)).toBe(sha(xlsx));
    expect((await worker.get(`/api/documents/${doc.id}/versions/3/content`)).statusCode).toBe(404);
  });

  it('refuses an oversize file and a forbidden type in Arabic and French, writing nothing', async () => {
    const ar = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'ar' });
    const fr = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
    const before = { documents: await count('documents.documents'), versions: await count('documents.document_versions'), files: (await storedFiles()).length };
    const fields = { ownerType: 'delegation', ownerId: agadir, category: 'other', title: 'Trop grand' };
    const big = samplePng(700, 700, true); // about 1.4 MB of noise: over the 1 MB limit of this server
    expect(big.length).toBeGreaterThan(1024 * 1024);

    const tooBigFr = await upload(fr, fields, { name: 'grand.png', data: big });
    expect(tooBigFr.statusCode).toBe(413);
    expect(tooBigFr.json()).toMatchObject({ title: 'Fichier trop volumineux', errors: [{ path: 'file', message: 'Le fichier ne doit pas dépasser 1 Mo.' }] });
    const tooBigAr = await upload(ar, fields, { name: 'grand.png', data: big });
    expect(tooBigAr.statusCode).toBe(413);
    expect(tooBigAr.json().errors[0].message).toBe('يجب ألا يتجاوز حجم الملف 1 ميغابايت.');

    // A script renamed .pdf and sent as application/pdf is still refused: the type comes from the bytes.
    const fake = { name: 'facture.pdf', contentType: 'application/pdf', data: Buffer.from('MZ\x90\x00\x03\x00\x00\x00 not a pdf at all, an executable'.repeat(20), 'latin1') };
    const refusedFr = await upload(fr, fields, fake);
    expect(refusedFr.statusCode).toBe(400);
    expect(refusedFr.json()).toMatchObject({ title: 'Type de fichier refusé', errors: [{ path: 'file' }] });
    const refusedAr = await upload(ar, fields, { name: 'page.html', data: Buffer.from('<html><script>alert(1)</script></html>') });
    expect(refusedAr.statusCode).toBe(400);
    expect(refusedAr.json().title).toBe('نوع ملف غير مقبول');

    // Bad fields are refused before the file is read; an unknown category too.
    const noTitle = await upload(fr, { ...fields, title: '' }, { name: 'a.pdf', data: samplePdf('x') });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().errors).toEqual([{ path: 'title', message: 'Ce champ est obligatoire.' }]);
    const badCategory = await upload(fr, { ...fields, category: 'passport' }, { name: 'a.pdf', data: samplePdf('y') });
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.json().errors[0].path).toBe('category');
    const noFile = await upload(fr, fields);
    expect(noFile.statusCode).toBe(400);

    expect({ documents: await count('documents.documents'), versions: await count('documents.document_versions'), files: (await storedFiles()).length }).toEqual(before);
  });

  it('an out-of-scope delegation and its files answer 404 (owner check and row-level security)', async () => {
    const agadirDelegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const inezganeDelegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    const coordinator = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    const doc = (await upload(agadirDelegate, { ownerType: 'delegation', ownerId: agadir, category: 'lease', title: 'Bail' }, { name: 'bail.pdf', data: samplePdf('Bail') })).json();

    expect((await inezganeDelegate.get(`/api/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await inezganeDelegate.get(`/api/documents/${doc.id}/versions/1/content`)).statusCode).toBe(404);
    expect((await inezganeDelegate.get(`/api/documents?ownerType=delegation&ownerId=${agadir}`)).statusCode).toBe(404);
    const intoOther = await upload(inezganeDelegate, { ownerType: 'delegation', ownerId: agadir, category: 'lease', title: 'Intrus' }, { name: 'x.pdf', data: samplePdf('Intrus') });
    expect(intoOther.statusCode).toBe(404);
    expect((await upload(inezganeDelegate, {}, { name: 'x.pdf', data: samplePdf('v2') }, `/api/documents/${doc.id}/versions`)).statusCode).toBe(404);
    // The region sees it; its own delegation's upload works for Inezgane.
    expect((await coordinator.get(`/api/documents/${doc.id}/versions/1/content`)).statusCode).toBe(200);
    expect((await upload(inezganeDelegate, { ownerType: 'delegation', ownerId: inezgane, category: 'lease', title: 'Bail' }, { name: 'b.pdf', data: samplePdf('B') })).statusCode).toBe(201);
  });

  it('the owner check alone hides a file whose owner record the user may no longer see', async () => {
    // An owner type whose records are visible only while "open": the document row stays in scope.
    const closed = new Set<string>();
    registerDocumentOwner({
      type: 'test_case',
      readPermission: 'documents.read',
      writePermission: 'documents.write',
      categories: ['other'],
      scopeOf: async (tx, id) => {
        if (closed.has(id)) return undefined;
        const { rows } = await sql<{ region_id: string; id: string }>`SELECT region_id, id FROM organisation.delegations WHERE code = '09.001'`.execute(tx);
        return { regionId: rows[0]!.region_id, delegationId: rows[0]!.id };
      },
    });
    const user = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const caseId = '5f0c7a52-3f6e-4f5e-9d0a-0c9b8f1e2a11';
    const doc = (await upload(user, { ownerType: 'test_case', ownerId: caseId, category: 'other', title: 'Pièce' }, { name: 'p.pdf', data: samplePdf('P') })).json();
    expect((await user.get(`/api/documents/${doc.id}/versions/1/content`)).statusCode).toBe(200);
    closed.add(caseId);
    expect((await user.get(`/api/documents/${doc.id}/versions/1/content`)).statusCode).toBe(404);
    expect((await user.get(`/api/documents/${doc.id}`)).statusCode).toBe(404);
  });

  it('a user without the write permission cannot upload; documents are never deleted by the app', async () => {
    const analyst = await signedIn(server, { role: 'central_analyst' });
    const refused = await upload(analyst, { ownerType: 'delegation', ownerId: agadir, category: 'other', title: 'Note' }, { name: 'n.pdf', data: samplePdf('N') });
    expect(refused.statusCode).toBe(403);
    const [grant] = await server.owner<{ can: boolean }>(`SELECT has_table_privilege('raaya_app', 'documents.document_versions', 'DELETE') OR has_table_privilege('raaya_app', 'documents.documents', 'DELETE') AS can`);
    expect(grant!.can).toBe(false);
  });
});
