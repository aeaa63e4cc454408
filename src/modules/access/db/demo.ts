/**
 * Demo accounts (README lists them). Idempotent: an existing username is left as it is.
 * Runs as the tables' owner, so the audit log records these rows as written by the system.
 */
import type pg from 'pg';
import { hashPassword } from '../server/passwords.ts';
import type { Role } from '../permissions.ts';

interface DemoAccount {
  username: string;
  role: Role;
  fullNameAr: string;
  fullNameFr: string;
  language: 'ar' | 'fr';
  /** Region code ("09") or delegation code ("09.001"); none for the nation. */
  region?: string;
  delegation?: string;
}

export const demoAccounts: DemoAccount[] = [
  { username: 'admin', role: 'system_admin', fullNameAr: 'مدير النظام', fullNameFr: 'Administrateur système', language: 'ar' },
  { username: 'central', role: 'central_analyst', fullNameAr: 'سعاد المرابط', fullNameFr: 'Souad El Mrabet', language: 'fr' },
  { username: 'souss-massa', role: 'regional_coordinator', fullNameAr: 'إبراهيم أوعلي', fullNameFr: 'Brahim Ouali', language: 'ar', region: '09' },
  { username: 'agadir', role: 'provincial_delegate', fullNameAr: 'فاطمة الزهراء بنعلي', fullNameFr: 'Fatima Zahra Benali', language: 'ar', delegation: '09.001' },
  { username: 'inezgane', role: 'provincial_delegate', fullNameAr: 'محمد أيت بها', fullNameFr: 'Mohamed Ait Baha', language: 'ar', delegation: '09.273' },
  { username: 'fes-meknes', role: 'regional_coordinator', fullNameAr: 'نادية العلوي', fullNameFr: 'Nadia Alaoui', language: 'fr', region: '03' },
  { username: 'agadir-inspector', role: 'inspector', fullNameAr: 'يوسف الحسني', fullNameFr: 'Youssef El Hassani', language: 'ar', delegation: '09.001' },
  { username: 'agadir-social', role: 'social_worker', fullNameAr: 'خديجة أمزيان', fullNameFr: 'Khadija Amziane', language: 'ar', delegation: '09.001' },
];

export async function seedDemoAccounts(client: pg.ClientBase, password: string): Promise<number> {
  const passwordHash = await hashPassword(password);
  let created = 0;
  for (const a of demoAccounts) {
    const result = await client.query(
      `INSERT INTO access.users (username, password_hash, full_name_ar, full_name_fr, language, role, scope_level, region_id, delegation_id)
       SELECT $1, $2, $3, $4, $5, $6, $7, (SELECT id FROM territory.regions WHERE code = $8), (SELECT id FROM organisation.delegations WHERE code = $9)
       ON CONFLICT (username) DO NOTHING`,
      [a.username, passwordHash, a.fullNameAr, a.fullNameFr, a.language, a.role, a.delegation ? 'delegation' : a.region ? 'region' : 'nation', a.region ?? null, a.delegation ?? null],
    );
    created += result.rowCount ?? 0;
  }
  return created;
}
