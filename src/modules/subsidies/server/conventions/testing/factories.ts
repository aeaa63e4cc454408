/**
 * Test data of conventions: an association of the Agadir delegation with its institutions, and
 * request bodies with plausible defaults; only what a test names is fixed.
 */
import { createAssociation, createInstitution } from '../../../../registry/testing/factories.ts';
import type { TestServer } from '../../../../../server/testing/harness.ts';
import type { FundingInput } from '../contract.ts';

export async function associationWithInstitutions(server: TestServer, province = '09.001', count = 2) {
  const association = await createAssociation(server, { province });
  const institutions: string[] = [];
  for (let i = 0; i < count; i++) institutions.push((await createInstitution(server, { associationId: association.id, communeId: association.communeId })).id);
  return { associationId: association.id, institutionIds: institutions };
}

export const termsBody = (institutionIds: string[], over: Record<string, unknown> = {}) => ({
  objectAr: 'دعم تسيير دار الطالب',
  objectFr: 'Appui au fonctionnement de la Dar Talib',
  startsOn: '2026-01-01',
  endsOn: '2028-12-31',
  totalMad: '300000.00',
  institutionIds,
  ...over,
});

/** Entraide Nationale 80,000 a year over 2026–2028 and the INDH 60,000 in 2026: 300,000.00 in all. */
export const fundingBody = (over: Partial<FundingInput> = {}): FundingInput => ({
  partners: [
    { kind: 'entraide_nationale', nameAr: 'التعاون الوطني', nameFr: 'Entraide Nationale', amounts: [2026, 2027, 2028].map((year) => ({ year, amountMad: '80000.00' })) },
    { kind: 'indh', nameAr: 'المبادرة الوطنية للتنمية البشرية', nameFr: 'INDH', amounts: [{ year: 2026, amountMad: '60000' }] },
  ],
  obligations: [
    { party: 'entraide_nationale', textAr: 'صرف الدعم في آجاله', textFr: 'Verser la subvention dans les délais' },
    { party: 'association', textAr: 'تبرير صرف الدعم', textFr: 'Justifier l’emploi de la subvention' },
    { party: 'partner', partnerIndex: 1, textAr: 'تمويل التجهيز', textFr: 'Financer l’équipement' },
  ],
  ...over,
});
