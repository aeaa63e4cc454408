/**
 * The organisation report: the regions and their provincial delegations inside the requester's
 * scope, with the number of active staff accounts of each (read under the requester's RLS).
 */
import { sql } from 'kysely';
import { defineReport } from '../../../platform/reports/requests.ts';

defineReport({
  name: 'organisation',
  permission: 'territory.read',
  fileNameAr: 'organisation',
  fileNameFr: 'organisation',
  async build(tx, user, lang, progress) {
    const { rows } = await sql<{ region_code: string; region_ar: string; region_fr: string; code: string; name_ar: string; name_fr: string; accounts: string }>`
      SELECT r.code AS region_code, r.name_ar AS region_ar, r.name_fr AS region_fr, d.code, d.name_ar, d.name_fr,
        (SELECT count(*) FROM access.users u WHERE u.delegation_id = d.id AND u.status = 'active')::text AS accounts
      FROM organisation.delegations d JOIN territory.regions r ON r.id = d.region_id
      WHERE app.scope_allows(d.region_id, d.id, NULL, NULL)
      ORDER BY r.code, d.code`.execute(tx);
    await progress(rows.length, rows.length);
    const ar = lang === 'ar';
    return {
      titleAr: 'الجهات والمندوبيات الإقليمية',
      titleFr: 'Régions et délégations provinciales',
      levelNameAr: user.scope.nameAr,
      levelNameFr: user.scope.nameFr,
      columns: [
        { key: 'region', headerAr: 'الجهة', headerFr: 'Région', type: 'text' },
        { key: 'code', headerAr: 'الرمز', headerFr: 'Code', type: 'text' },
        { key: 'delegation', headerAr: 'المندوبية الإقليمية', headerFr: 'Délégation provinciale', type: 'text' },
        { key: 'accounts', headerAr: 'الحسابات النشيطة', headerFr: 'Comptes actifs', type: 'number' },
      ],
      rows: rows.map((r) => ({ region: ar ? r.region_ar : r.region_fr, code: r.code, delegation: ar ? r.name_ar : r.name_fr, accounts: r.accounts })),
    };
  },
});
