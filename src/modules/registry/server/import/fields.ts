/**
 * The columns of the registry import, as a delegation keeps its list today: one row per
 * institution with its founder. Headers are recognised in Arabic and French (labels and usual
 * spellings); the template is written with the labels of the user's language.
 */
import type { z } from 'zod';
import type { ImportFieldSpec } from '../../../../platform/imports/target.ts';
import { areas, careModes, centreTypes, feeModes, legalCategories, legalForms, serviceTypes, sexesServed } from '../../contract/enums.ts';
import {
  capacityCell,
  dateCell,
  gpsCell,
  optionalCell,
  phoneCell,
  requiredCell,
  requiredVocabularyCell,
  ribCell,
  vocabularyCell,
  vocabularyListCell,
} from './cells.ts';

const field = (key: string, labelAr: string, labelFr: string, required: boolean, schema: z.ZodType, aliases: string[] = []): ImportFieldSpec => ({
  key,
  labelAr,
  labelFr,
  required,
  schema,
  aliases,
});

export const institutionImportFields: ImportFieldSpec[] = [
  field('associationNameAr', 'اسم الجمعية بالعربية', "Nom de l'association en arabe", true, requiredCell(250), ['اسم الجمعية', 'الجمعية', 'association ar']),
  field('associationNameFr', 'اسم الجمعية بالفرنسية', "Nom de l'association en français", true, requiredCell(250), ["nom de l'association", 'association', 'association fr']),
  field('associationLegalForm', 'الشكل القانوني للمؤسس', 'Forme juridique du fondateur', false, vocabularyCell(legalForms, 'legalForm', {}, 'association'), ['forme juridique', 'الشكل القانوني']),
  field('associationReceiptNumber', 'رقم وصل الإيداع', 'Numéro du récépissé', false, optionalCell(60), ['récépissé', 'recepisse', 'وصل الإيداع', 'رقم الوصل']),
  field('associationReceiptDate', 'تاريخ وصل الإيداع', 'Date du récépissé', false, dateCell, ['date récépissé', 'تاريخ الوصل']),
  field('associationRib', 'رقم الحساب البنكي للجمعية', "RIB de l'association", false, ribCell, ['rib', 'الحساب البنكي', 'رقم الحساب البنكي']),
  field('associationCommune', 'جماعة مقر الجمعية', "Commune du siège de l'association", false, optionalCell(160), ["commune de l'association", 'جماعة الجمعية']),
  field('nameAr', 'اسم المؤسسة بالعربية', "Nom de l'établissement en arabe", true, requiredCell(250), ['اسم المؤسسة', 'المؤسسة', 'établissement ar']),
  field('nameFr', 'اسم المؤسسة بالفرنسية', "Nom de l'établissement en français", true, requiredCell(250), ["nom de l'établissement", 'établissement', 'etablissement', 'établissement fr']),
  field('legalCategory', 'الصنف القانوني', 'Catégorie légale', false, vocabularyCell(legalCategories, 'legalCategory'), ['catégorie', 'categorie', 'الصنف']),
  field('centreType', 'نوع المركز', 'Type de centre', false, vocabularyCell(centreTypes, 'centreType'), ['type', 'نوع المؤسسة']),
  field('province', 'العمالة أو الإقليم', 'Préfecture ou province', true, requiredCell(160), ['province', 'préfecture', 'الإقليم', 'العمالة']),
  field('communeAr', 'الجماعة بالعربية', 'Commune en arabe', false, optionalCell(160), ['الجماعة']),
  field('communeFr', 'الجماعة بالفرنسية', 'Commune en français', false, optionalCell(160), ['commune']),
  field('address', 'العنوان', 'Adresse', false, optionalCell(300), ['adresse', 'address']),
  field('gps', 'الإحداثيات الجغرافية', 'Coordonnées GPS', false, gpsCell, ['gps', 'coordonnées', 'الإحداثيات', 'position']),
  field('area', 'الوسط', 'Milieu', true, requiredVocabularyCell(areas, 'area', { urbain: 'urban', حضري: 'urban', قروي: 'rural' }), ['milieu', 'urbain/rural', 'الوسط']),
  field('mode', 'نمط التكفل', 'Mode de prise en charge', true, requiredVocabularyCell(careModes, 'careMode', { internat: 'residential', externat: 'day', داخلي: 'residential', خارجي: 'day', نهاري: 'day' }), ['mode', 'نمط الاستقبال']),
  field('sexServed', 'جنس المستفيدين', 'Sexe des bénéficiaires', true, requiredVocabularyCell(sexesServed, 'sexServed', { mixte: 'mixed', مختلط: 'mixed', garçons: 'boys', filles: 'girls' }), ['sexe', 'الجنس']),
  field('capacityBoys', 'الطاقة الاستيعابية للذكور', 'Capacité garçons', false, capacityCell, ['capacité garçons', 'الطاقة ذكور', 'capacite garcons']),
  field('capacityGirls', 'الطاقة الاستيعابية للإناث', 'Capacité filles', false, capacityCell, ['capacité filles', 'الطاقة إناث', 'capacite filles']),
  field('feeMode', 'مجانية أو بمقابل', 'Gratuit ou payant', false, vocabularyCell(feeModes, 'feeMode', { gratuit: 'free', gratuite: 'free', payant: 'paid', مجاني: 'free' }, 'free'), ['tarif', 'gratuité', 'المجانية']),
  field('services', 'الخدمات المقدمة', 'Services offerts', false, vocabularyListCell(serviceTypes, 'serviceType'), ['services', 'الخدمات']),
  field('director', 'اسم المدير(ة)', 'Directeur ou directrice', false, optionalCell(160), ['directeur', 'directrice', 'المدير', 'المديرة']),
  field('phone', 'الهاتف', 'Téléphone', false, phoneCell, ['téléphone', 'tel', 'tél', 'gsm', 'الهاتف']),
];

export type FieldKey =
  | 'associationNameAr' | 'associationNameFr' | 'associationLegalForm' | 'associationReceiptNumber' | 'associationReceiptDate' | 'associationRib'
  | 'associationCommune' | 'nameAr' | 'nameFr' | 'legalCategory' | 'centreType' | 'province' | 'communeAr' | 'communeFr' | 'address' | 'gps'
  | 'area' | 'mode' | 'sexServed' | 'capacityBoys' | 'capacityGirls' | 'feeMode' | 'services' | 'director' | 'phone';
