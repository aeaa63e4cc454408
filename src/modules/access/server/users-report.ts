/** First real use of job-produced reports: the list of staff accounts the requester can see. */
import { defineReport } from '../../../platform/reports/requests.ts';
import webAr from '../../../platform/web/i18n/ar.json' with { type: 'json' };
import webFr from '../../../platform/web/i18n/fr.json' with { type: 'json' };
import accessAr from '../i18n/ar.json' with { type: 'json' };
import accessFr from '../i18n/fr.json' with { type: 'json' };
import type { Role } from '../permissions.ts';

const NATION_AR = 'التعاون الوطني - الإدارة المركزية';
const NATION_FR = 'Entraide Nationale - Administration centrale';

defineReport({
  name: 'users',
  permission: 'users.read',
  fileNameAr: 'users',
  fileNameFr: 'utilisateurs',
  async build(tx, user, lang, progress) {
    const ar = lang === 'ar';
    const rows = await tx
      .selectFrom('access.users as u')
      .leftJoin('organisation.delegations as d', 'd.id', 'u.delegation_id')
      .leftJoin('organisation.coordinations as c', (join) => join.onRef('c.region_id', '=', 'u.region_id').on('u.delegation_id', 'is', null))
      .select(['u.username', 'u.full_name_ar', 'u.full_name_fr', 'u.role', 'u.status', 'u.email', 'u.phone', 'd.name_ar as d_ar', 'd.name_fr as d_fr', 'c.name_ar as c_ar', 'c.name_fr as c_fr'])
      .orderBy('u.username')
      .execute();
    await progress(rows.length, rows.length);
    return {
      titleAr: 'لائحة المستخدمين',
      titleFr: 'Liste des utilisateurs',
      levelNameAr: user.scope.nameAr,
      levelNameFr: user.scope.nameFr,
      orientation: 'landscape',
      columns: [
        { key: 'username', headerAr: 'اسم المستخدم', headerFr: "Nom d'utilisateur", type: 'text' },
        { key: 'nameAr', headerAr: 'الاسم الكامل', headerFr: 'Nom (arabe)', type: 'text' },
        { key: 'nameFr', headerAr: 'الاسم بالفرنسية', headerFr: 'Nom complet', type: 'text' },
        { key: 'role', headerAr: 'الدور', headerFr: 'Rôle', type: 'text' },
        { key: 'scope', headerAr: 'النطاق', headerFr: 'Périmètre', type: 'text' },
        { key: 'status', headerAr: 'الحالة', headerFr: 'Statut', type: 'text' },
        { key: 'email', headerAr: 'البريد الإلكتروني', headerFr: 'Adresse électronique', type: 'text' },
      ],
      rows: rows.map((r) => ({
        username: r.username,
        nameAr: r.full_name_ar,
        nameFr: r.full_name_fr,
        role: (ar ? webAr : webFr).roles[r.role as Role],
        scope: ar ? (r.d_ar ?? r.c_ar ?? NATION_AR) : (r.d_fr ?? r.c_fr ?? NATION_FR),
        status: (ar ? accessAr : accessFr).status[r.status as 'active' | 'disabled'],
        email: r.email,
      })),
    };
  },
});
