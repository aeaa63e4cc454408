/**
 * The demo registry (README): founders and the institutions they run in the demo scopes — many in
 * the Agadir and Inezgane delegations, the rest of Souss-Massa, Fès-Meknès, and one or two in
 * other regions so that the national map has colour. Names follow what the delegations' lists
 * show ("دار الطالبة أيت ملول" / "Dar Taliba Aït Melloul"); places are real communes.
 */
import type { KindKey } from './kinds.ts';

export interface DemoFounder {
  key: string;
  commune: string;
  nameFr: string;
  nameAr: string;
  legalForm: 'association' | 'natural_person' | 'public_body' | 'private_company';
  publicUtility?: boolean;
}

const a = (key: string, commune: string, nameFr: string, nameAr: string, extra: Partial<DemoFounder> = {}): DemoFounder =>
  ({ key, commune, nameFr, nameAr, legalForm: 'association', ...extra });

export const demoFounders: DemoFounder[] = [
  a('dar-taliba-agadir', 'Agadir', 'Association Dar Taliba Agadir', 'جمعية دار الطالبة أكادير'),
  a('dar-talib-agadir', 'Agadir', 'Association Dar Talib Agadir', 'جمعية دار الطالب أكادير'),
  a('amal-drarga', 'Drarga', 'Association Al Amal Drarga', 'جمعية الأمل الدراركة'),
  a('aourir-tanmia', 'Aourir', 'Association Aourir pour le développement', 'جمعية أورير للتنمية'),
  a('tamri-fille-rurale', 'Tamri', 'Association Tamri pour la scolarisation de la fille rurale', 'جمعية تامري لتمدرس الفتاة القروية'),
  a('taghazout-tadamoun', 'Taghazout', 'Association Taghazout Tadamoun', 'جمعية تغازوت للتضامن'),
  a('ida-outanane', 'Imouzzer Ida Ou Tanane', "Association Ida Ou Tanane pour l'action sociale", 'جمعية إداوتنان للعمل الاجتماعي'),
  a('bienfaisance-agadir', 'Agadir', "Association musulmane de bienfaisance d'Agadir", 'الجمعية الخيرية الإسلامية أكادير', { publicUtility: true }),
  a('hanane-agadir', 'Agadir', 'Association Al Hanane pour les personnes en situation de handicap', 'جمعية الحنان للأشخاص في وضعية إعاقة'),
  a('samu-agadir', 'Agadir', 'Association Samu social Agadir', 'جمعية الإسعاف الاجتماعي أكادير'),
  a('naima-bouzid', 'Agadir', 'Naïma Bouzid', 'نعيمة بوزيد', { legalForm: 'natural_person' }),
  a('dar-taliba-ait-melloul', 'Aït Melloul', 'Association Dar Taliba Aït Melloul', 'جمعية دار الطالبة أيت ملول'),
  a('bienfaisance-inezgane', 'Inezgane', "Association musulmane de bienfaisance d'Inezgane", 'الجمعية الخيرية الإسلامية إنزكان', { publicUtility: true }),
  a('dcheira-social', 'Dcheira El Jihadia', 'Association Dcheira pour le développement social', 'جمعية الدشيرة للتنمية الاجتماعية'),
  a('lqliaa-tanmia', 'Lqliaa', 'Association Lqliaa Tanmia', 'جمعية القليعة للتنمية'),
  a('temsia-soutien', 'Temsia', 'Association Temsia pour le soutien scolaire', 'جمعية التمسية للدعم المدرسي'),
  a('amal-atfal', 'Inezgane', "Association Amal Al Atfal pour la protection de l'enfance", 'جمعية أمل الأطفال لحماية الطفولة'),
  a('nour-ait-melloul', 'Aït Melloul', 'Association Nour pour les personnes handicapées', 'جمعية نور للأشخاص في وضعية إعاقة'),
  a('commune-inezgane', 'Inezgane', "Commune d'Inezgane", 'جماعة إنزكان', { legalForm: 'public_body' }),
  a('entraide-nationale', 'Rabat', 'Entraide Nationale', 'التعاون الوطني', { legalForm: 'public_body', publicUtility: true }),
  a('chtouka-scolarisation', 'Biougra', 'Association Chtouka pour la scolarisation', 'جمعية اشتوكة للتمدرس'),
  a('ait-baha-tanmia', 'Aït Baha', 'Association Aït Baha Tanmia', 'جمعية آيت باها للتنمية'),
  a('bienfaisance-taroudant', 'Taroudant', 'Association musulmane de bienfaisance de Taroudant', 'الجمعية الخيرية الإسلامية تارودانت', { publicUtility: true }),
  a('oulad-teima-tanmia', 'Oulad Teima', 'Association Oulad Teima pour le développement', 'جمعية أولاد تايمة للتنمية'),
  a('siroua', 'Taliouine', 'Association Siroua pour le développement', 'جمعية سيروا للتنمية'),
  a('tiznit-fille', 'Tiznit', 'Association Tiznit pour la scolarisation de la fille', 'جمعية تيزنيت لتمدرس الفتاة'),
  a('wafae-tiznit', 'Tiznit', 'Association Al Wafae pour les personnes handicapées', 'جمعية الوفاء للأشخاص في وضعية إعاقة'),
  a('ammeln', 'Tafraout', 'Association Ammeln pour le développement', 'جمعية أملن للتنمية'),
  a('tata-tanmia', 'Tata', 'Association Tata pour le développement', 'جمعية طاطا للتنمية'),
  a('bienfaisance-fes', 'Fès', 'Association musulmane de bienfaisance de Fès', 'الجمعية الخيرية الإسلامية فاس', { publicUtility: true }),
  a('amal-enfance-fes', 'Fès', "Association Amal pour l'enfance abandonnée", 'جمعية الأمل للطفولة المهملة'),
  a('samu-fes', 'Fès', 'Association Samu social Fès', 'جمعية الإسعاف الاجتماعي فاس'),
  a('ismailia', 'Meknès', "Association Ismailia pour l'action sociale", 'الجمعية الإسماعيلية للعمل الاجتماعي'),
  a('ikhlass-meknes', 'Meknès', 'Association Al Ikhlass pour les personnes handicapées', 'جمعية الإخلاص للأشخاص في وضعية إعاقة'),
  a('seniors-meknes', 'Meknès', 'Résidence Seniors Meknès SARL', 'شركة إقامة المسنين مكناس', { legalForm: 'private_company' }),
  a('azrou-tanmia', 'Azrou', 'Association Azrou pour le développement', 'جمعية أزرو للتنمية'),
  a('sefrou-tadamoun', 'Sefrou', 'Association Sefrou Tadamoun', 'جمعية صفرو للتضامن'),
  a('bienfaisance-taza', 'Taza', 'Association musulmane de bienfaisance de Taza', 'الجمعية الخيرية الإسلامية تازة'),
  a('el-hajeb-fille', 'El Hajeb', 'Association El Hajeb pour la scolarisation de la fille', 'جمعية الحاجب لتمدرس الفتاة'),
  a('bienfaisance-marrakech', 'Marrakech', 'Association musulmane de bienfaisance de Marrakech', 'الجمعية الخيرية الإسلامية مراكش'),
  a('bayti', 'Casablanca', 'Association Bayti', 'جمعية بيتي'),
  a('tanger-fille', 'Tanger', 'Association Tanger pour la scolarisation de la fille', 'جمعية طنجة لتمدرس الفتاة'),
  a('oujda-handicap', 'Oujda', "Association de l'Oriental pour les personnes handicapées", 'جمعية الشرق للأشخاص في وضعية إعاقة'),
  a('tadla-tanmia', 'Béni Mellal', 'Association Tadla pour le développement', 'جمعية تادلة للتنمية'),
  a('tafilalet-tanmia', 'Errachidia', 'Association Tafilalet pour la scolarisation', 'جمعية تافيلالت للتمدرس'),
  a('sakia-tadamoun', 'Laâyoune', 'Association Sakia El Hamra Tadamoun', 'جمعية الساقية الحمراء للتضامن'),
];

export interface DemoInstitution {
  kind: KindKey;
  commune: string;
  founder: string;
  /** Replaces the name after the kind's word, e.g. "Résidence Tilila" for a second home in a town. */
  nameFr?: string;
  nameAr?: string;
  paid?: boolean;
}

const i = (kind: KindKey, commune: string, founder: string, extra: Partial<DemoInstitution> = {}): DemoInstitution => ({ kind, commune, founder, ...extra });

export const demoInstitutions: DemoInstitution[] = [
  // Agadir Ida-Outanane
  i('darTaliba', 'Agadir', 'dar-taliba-agadir'),
  i('darTalib', 'Agadir', 'dar-talib-agadir'),
  i('darTalib', 'Drarga', 'amal-drarga'),
  i('darTaliba', 'Drarga', 'amal-drarga'),
  i('darTalib', 'Aourir', 'aourir-tanmia'),
  i('darTaliba', 'Tamri', 'tamri-fille-rurale'),
  i('darTalib', 'Taghazout', 'taghazout-tadamoun'),
  i('darTalib', 'Imouzzer Ida Ou Tanane', 'ida-outanane'),
  i('darTaliba', 'Amskroud', 'ida-outanane'),
  i('elderly', 'Agadir', 'bienfaisance-agadir'),
  i('elderly', 'Agadir', 'naima-bouzid', { nameFr: 'Résidence Tilila pour personnes âgées', nameAr: 'إقامة تيليلا للأشخاص المسنين', paid: true }),
  i('kafala', 'Agadir', 'bienfaisance-agadir'),
  i('disability', 'Agadir', 'hanane-agadir', { paid: true }),
  i('mobileEmergency', 'Agadir', 'samu-agadir'),
  i('educationTraining', 'Agadir', 'entraide-nationale'),
  i('jisr', 'Agadir', 'entraide-nationale'),
  i('kindergarten', 'Drarga', 'entraide-nationale'),
  // Inezgane-Aït Melloul
  i('darTaliba', 'Aït Melloul', 'dar-taliba-ait-melloul'),
  i('darTalib', 'Aït Melloul', 'dar-taliba-ait-melloul'),
  i('darTalib', 'Inezgane', 'bienfaisance-inezgane'),
  i('elderly', 'Inezgane', 'bienfaisance-inezgane'),
  i('homeless', 'Inezgane', 'bienfaisance-inezgane'),
  i('darTaliba', 'Dcheira El Jihadia', 'dcheira-social'),
  i('womenSpace', 'Dcheira El Jihadia', 'dcheira-social'),
  i('darTalib', 'Lqliaa', 'lqliaa-tanmia'),
  i('darTaliba', 'Temsia', 'temsia-soutien'),
  i('darTalib', 'Oulad Dahou', 'temsia-soutien'),
  i('childProtection', 'Inezgane', 'amal-atfal'),
  i('disability', 'Aït Melloul', 'nour-ait-melloul', { paid: true }),
  i('kindergarten', 'Inezgane', 'commune-inezgane'),
  i('educationTraining', 'Aït Melloul', 'entraide-nationale'),
  i('protectionUnit', 'Inezgane', 'entraide-nationale'),
  i('disabilityOrientation', 'Aït Melloul', 'entraide-nationale'),
  // Chtouka-Aït Baha
  i('darTalib', 'Biougra', 'chtouka-scolarisation'),
  i('darTaliba', 'Biougra', 'chtouka-scolarisation'),
  i('darTalib', 'Sidi Bibi', 'chtouka-scolarisation'),
  i('darTaliba', 'Aït Baha', 'ait-baha-tanmia'),
  i('educationTraining', 'Belfaa', 'entraide-nationale'),
  // Taroudant
  i('darTalib', 'Taroudant', 'bienfaisance-taroudant'),
  i('darTaliba', 'Taroudant', 'bienfaisance-taroudant'),
  i('elderly', 'Taroudant', 'bienfaisance-taroudant'),
  i('darTaliba', 'Oulad Teima', 'oulad-teima-tanmia'),
  i('darTalib', 'Oulad Berhil', 'oulad-teima-tanmia'),
  i('darTalib', 'Taliouine', 'siroua'),
  // Tiznit
  i('darTaliba', 'Tiznit', 'tiznit-fille'),
  i('disability', 'Tiznit', 'wafae-tiznit'),
  i('darTalib', 'Tafraout', 'ammeln'),
  i('darTalib', 'Mirleft', 'ammeln'),
  // Tata
  i('darTalib', 'Tata', 'tata-tanmia'),
  i('darTaliba', 'Akka', 'tata-tanmia'),
  i('womenSpace', 'Tata', 'tata-tanmia'),
  // Fès
  i('darTaliba', 'Fès', 'bienfaisance-fes'),
  i('elderly', 'Fès', 'bienfaisance-fes'),
  i('homeless', 'Fès', 'bienfaisance-fes'),
  i('kafala', 'Fès', 'amal-enfance-fes'),
  i('childProtection', 'Fès', 'amal-enfance-fes'),
  i('mobileEmergency', 'Fès', 'samu-fes'),
  i('educationTraining', 'Méchouar Fès Jdid', 'entraide-nationale'),
  i('jisr', 'Fès', 'entraide-nationale'),
  // Meknès
  i('darTalib', 'Meknès', 'ismailia'),
  i('darTaliba', 'Aïn Jemaa', 'ismailia'),
  i('disability', 'Meknès', 'ikhlass-meknes', { paid: true }),
  i('elderly', 'Meknès', 'seniors-meknes', { nameFr: 'Résidence Seniors Meknès', nameAr: 'إقامة المسنين مكناس', paid: true }),
  i('kindergarten', 'Toulal', 'entraide-nationale'),
  // Ifrane, Sefrou, Taza, El Hajeb
  i('darTalib', 'Azrou', 'azrou-tanmia'),
  i('darTaliba', 'Ifrane', 'azrou-tanmia'),
  i('darTaliba', 'Tigrigra', 'azrou-tanmia'),
  i('educationTraining', 'Azrou', 'entraide-nationale'),
  i('darTalib', 'Sefrou', 'sefrou-tadamoun'),
  i('darTaliba', 'Imouzzer Kandar', 'sefrou-tadamoun'),
  i('womenSpace', 'Sefrou', 'sefrou-tadamoun'),
  i('darTalib', 'Taza', 'bienfaisance-taza'),
  i('darTaliba', 'Tahla', 'bienfaisance-taza'),
  i('elderly', 'Taza', 'bienfaisance-taza'),
  i('apprenticeship', 'Taza', 'entraide-nationale'),
  i('darTaliba', 'El Hajeb', 'el-hajeb-fille'),
  // Other regions
  i('elderly', 'Marrakech', 'bienfaisance-marrakech'),
  i('darTaliba', 'Marrakech', 'bienfaisance-marrakech'),
  i('childProtection', 'Casablanca', 'bayti'),
  i('disabilityOrientation', 'Casablanca', 'entraide-nationale'),
  i('jisr', 'Rabat', 'entraide-nationale'),
  i('darTaliba', 'Tanger', 'tanger-fille'),
  i('disability', 'Oujda', 'oujda-handicap'),
  i('darTalib', 'Béni Mellal', 'tadla-tanmia'),
  i('darTalib', 'Errachidia', 'tafilalet-tanmia'),
  i('womenSpace', 'Guelmim', 'entraide-nationale'),
  i('homeless', 'Laâyoune', 'sakia-tadamoun'),
  i('kindergarten', 'Dakhla', 'entraide-nationale'),
];

/** Demo accounts of the registry's own scopes (README). */
export const demoRegistryAccounts = [
  { username: 'inezgane-association', role: 'association_officer', founder: 'dar-taliba-ait-melloul', fullNameAr: 'لطيفة أوبلا', fullNameFr: 'Latifa Oubella', language: 'ar' },
  { username: 'agadir-director', role: 'institution_director', institution: { kind: 'darTaliba', commune: 'Agadir' }, fullNameAr: 'حسناء الإدريسي', fullNameFr: 'Hasna El Idrissi', language: 'fr' },
] as const;

/** People of the demo (board members, directors, committee members), both scripts. */
export const demoPeople: [fr: string, ar: string][] = [
  ['Ahmed Oubaha', 'أحمد أوباها'], ['Fatima Aït Lahcen', 'فاطمة آيت لحسن'], ['Mohamed Bouhali', 'محمد بوحالي'],
  ['Khadija El Amrani', 'خديجة العمراني'], ['Lahcen Id Ali', 'لحسن إد علي'], ['Rachida Bennani', 'رشيدة بناني'],
  ['Brahim Oudaddes', 'إبراهيم أودادس'], ['Zahra Ouhammou', 'زهرة أوحمو'], ['Youssef Alaoui', 'يوسف العلوي'],
  ['Naima Chakir', 'نعيمة شاكر'], ['Abdellah Ait Ouarab', 'عبد الله آيت واعراب'], ['Malika Tahiri', 'مليكة الطاهري'],
  ['Hassan Boutaleb', 'حسن بوطالب'], ['Aicha Lamrani', 'عائشة لمراني'], ['Omar Benjelloun', 'عمر بنجلون'],
  ['Saida Ait Baha', 'سعيدة آيت باها'], ['Mustapha Ennaji', 'مصطفى الناجي'], ['Hafida Berrada', 'حفيظة برادة'],
  ['Said Amzil', 'سعيد أمزيل'], ['Karima Fassi', 'كريمة الفاسي'], ['Abdelaziz Ouchen', 'عبد العزيز أوشن'],
  ['Latifa Moussaoui', 'لطيفة الموساوي'], ['Driss Tazi', 'إدريس التازي'], ['Hanane Slaoui', 'حنان السلاوي'],
];
