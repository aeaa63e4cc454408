/**
 * Demo documents on the Agadir and Inezgane delegations, relative to today: one expiring within
 * 30 days, one already expired, one renewed (two versions), one far off. Files go into the real
 * store; rows are written as the tables' owner. Idempotent: skipped when demo documents exist.
 */
import type pg from 'pg';
import { addDays, todayInMorocco } from '../../deadlines/index.ts';
import { localFileStore } from '../server/storage.ts';
import { samplePdf, samplePng } from '../samples.ts';

interface DemoDocument {
  delegation: string;
  uploader: string;
  category: string;
  title: string;
  expiresInDays: number | null;
  versions: { name: string; content: Buffer; mediaType: string }[];
}

const pdf = (name: string, text: string) => ({ name, content: samplePdf(text), mediaType: 'application/pdf' });

const demoDocuments: DemoDocument[] = [
  { delegation: '09.001', uploader: 'agadir', category: 'insurance', title: 'Assurance multirisque des locaux — تأمين المقر', expiresInDays: 21, versions: [pdf('assurance-locaux-2026.pdf', 'Assurance multirisque des locaux 2026')] },
  {
    delegation: '09.001',
    uploader: 'agadir',
    category: 'safety_certificate',
    title: 'Certificat de sécurité incendie — شهادة السلامة من الحرائق',
    expiresInDays: -5,
    versions: [pdf('certificat-securite-2024.pdf', 'Certificat de securite incendie 2024'), pdf('certificat-securite-2025.pdf', 'Certificat de securite incendie 2025')],
  },
  { delegation: '09.001', uploader: 'agadir-social', category: 'lease', title: 'Bail du siège — عقد كراء المقر', expiresInDays: 400, versions: [pdf('bail-siege.pdf', 'Bail du siege de la delegation')] },
  { delegation: '09.273', uploader: 'inezgane', category: 'insurance', title: 'Assurance des locaux — تأمين المقر', expiresInDays: 12, versions: [pdf('assurance-inezgane.pdf', 'Assurance des locaux Inezgane')] },
  { delegation: '09.273', uploader: 'inezgane', category: 'inspection_report', title: 'Plan des locaux — تصميم المقر', expiresInDays: null, versions: [{ name: 'plan-locaux.png', content: samplePng(32, 24), mediaType: 'image/png' }] },
];

export async function seedDemoDocuments(client: pg.ClientBase, filesDir: string): Promise<number> {
  const existing = await client.query("SELECT 1 FROM documents.documents WHERE owner_type = 'delegation' LIMIT 1");
  if (existing.rowCount) return 0;
  const store = localFileStore(filesDir);
  const today = todayInMorocco();
  for (const d of demoDocuments) {
    const { rows } = await client.query<{ id: string; user_id: string }>(
      `INSERT INTO documents.documents (owner_type, owner_id, category, title, region_id, delegation_id, expires_on, current_version, created_by)
       SELECT 'delegation', dl.id, $2, $3, dl.region_id, dl.id, $4, $5, u.id
       FROM organisation.delegations dl, access.users u WHERE dl.code = $1 AND u.username = $6
       RETURNING id, created_by AS user_id`,
      [d.delegation, d.category, d.title, d.expiresInDays === null ? null : addDays(today, d.expiresInDays), 1, d.uploader],
    );
    const doc = rows[0]!;
    for (const [i, v] of d.versions.entries()) {
      if (i > 0) await client.query('UPDATE documents.documents SET current_version = $2 WHERE id = $1', [doc.id, i + 1]);
      const stored = await store.put(v.content);
      await client.query(
        `INSERT INTO documents.document_versions (document_id, version, sha256, size, media_type, original_name, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [doc.id, i + 1, stored.sha256, stored.size, v.mediaType, v.name, doc.user_id],
      );
    }
  }
  return demoDocuments.length;
}
