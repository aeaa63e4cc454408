/**
 * Moroccan names in both scripts, shared by the demo (seed.ts) and the national generator
 * (national.ts). Each Latin name lists the spellings met on civil-status and CNIE records (French
 * transliteration: "Mohamed", "Mohammed", "Mhamed"…): the first is the usual one, the others are
 * what a different clerk writes, which is what the matcher must see through.
 */

/** [Arabic, Latin spellings…] */
export type Name = readonly [ar: string, ...lat: string[]];

export const maleFirstNames: readonly Name[] = [
  ['محمد', 'Mohamed', 'Mohammed', 'Mohammad', 'Mhamed'], ['أحمد', 'Ahmed', 'Ahmad'], ['يوسف', 'Youssef', 'Youssouf', 'Yousef'],
  ['عبد الله', 'Abdellah', 'Abdallah', 'Abdullah'], ['إبراهيم', 'Brahim', 'Ibrahim'], ['الحسن', 'Lahcen', 'El Hassan', 'Lhassan'],
  ['الحسين', 'Lhoussaine', 'El Houssine', 'Houcine'], ['عمر', 'Omar', 'Omer'], ['خالد', 'Khalid', 'Khaled'], ['سعيد', 'Said', 'Saïd', 'Saiid'],
  ['رشيد', 'Rachid', 'Rashid'], ['مصطفى', 'Mustapha', 'Moustafa', 'Mostafa'], ['عبد الرحيم', 'Abderrahim', 'Abdelrahim'],
  ['عبد العزيز', 'Abdelaziz', 'Abdelaziz'], ['إدريس', 'Driss', 'Idriss'], ['حميد', 'Hamid', 'Hamide'], ['هشام', 'Hicham', 'Hisham'],
  ['نبيل', 'Nabil', 'Nabile'], ['أيوب', 'Ayoub', 'Ayub'], ['زكرياء', 'Zakaria', 'Zakariae', 'Zakariya'], ['أنس', 'Anas', 'Anass'],
  ['حمزة', 'Hamza', 'Hamzah'], ['إلياس', 'Ilyas', 'Ilias', 'Elias'], ['آدم', 'Adam', 'Adame'], ['عثمان', 'Othmane', 'Otmane', 'Outhmane'],
  ['مهدي', 'Mehdi', 'Mahdi'], ['ياسين', 'Yassine', 'Yacine', 'Yassin'], ['سفيان', 'Soufiane', 'Sofiane', 'Soufian'],
  ['عبد الصمد', 'Abdessamad', 'Abdelsamad'], ['المهدي', 'El Mehdi', 'Elmehdi'], ['طارق', 'Tarik', 'Tariq'], ['مراد', 'Mourad', 'Murad'],
  ['عادل', 'Adil', 'Adel'], ['جمال', 'Jamal', 'Djamal'], ['كريم', 'Karim', 'Kareem'], ['أمين', 'Amine', 'Amin'],
  ['بلال', 'Bilal', 'Belal'], ['إسماعيل', 'Ismail', 'Smail', 'Ismaïl'], ['عبد الكريم', 'Abdelkrim', 'Abdelkarim'], ['الطيب', 'Taieb', 'Tayeb'],
  ['مبارك', 'Mbarek', 'Moubarak'], ['الحاج', 'Lhaj', 'El Haj'], ['علي', 'Ali', 'Aly'], ['عبد الرحمن', 'Abderrahmane', 'Abderahman'],
  ['أسامة', 'Oussama', 'Ossama', 'Usama'], ['وليد', 'Walid', 'Oualid'], ['نور الدين', 'Noureddine', 'Nour Eddine'], ['صلاح الدين', 'Salaheddine', 'Salah Eddine'],
];

export const femaleFirstNames: readonly Name[] = [
  ['فاطمة', 'Fatima', 'Fatma', 'Fatimah'], ['خديجة', 'Khadija', 'Khadidja', 'Khadijah'], ['عائشة', 'Aicha', 'Aïcha', 'Aisha'],
  ['مريم', 'Meryem', 'Maryam', 'Mariam'], ['زينب', 'Zineb', 'Zaynab', 'Zeineb'], ['حفصة', 'Hafsa', 'Hafssa'], ['سلمى', 'Salma', 'Selma'],
  ['هاجر', 'Hajar', 'Hagar'], ['نعيمة', 'Naima', 'Naïma'], ['رشيدة', 'Rachida', 'Rashida'], ['مليكة', 'Malika', 'Malikah'],
  ['لطيفة', 'Latifa', 'Latefa'], ['سعاد', 'Souad', 'Suad'], ['نادية', 'Nadia', 'Nadiya'], ['حياة', 'Hayat', 'Hayate'],
  ['إيمان', 'Imane', 'Iman', 'Imaan'], ['سناء', 'Sanaa', 'Sanae', 'Sana'], ['أسماء', 'Asmae', 'Asmaa', 'Asma'], ['كوثر', 'Kaoutar', 'Kawtar', 'Kaouthar'],
  ['وئام', 'Wiam', 'Ouiam'], ['ياسمين', 'Yasmine', 'Yasmina', 'Jasmine'], ['نسرين', 'Nisrine', 'Nesrine'], ['هدى', 'Houda', 'Huda'],
  ['زهرة', 'Zahra', 'Zohra', 'Zahrae'], ['رقية', 'Rkia', 'Rokaya', 'Ruqaya'], ['يامنة', 'Yamna', 'Yamina'], ['عزيزة', 'Aziza', 'Azziza'],
  ['حليمة', 'Halima', 'Halimah'], ['السعدية', 'Saadia', 'Essaadia'], ['فدوى', 'Fadoua', 'Fadwa'], ['غزلان', 'Ghizlane', 'Ghizlan'],
  ['شيماء', 'Chaimae', 'Chaima', 'Shaima'], ['إكرام', 'Ikram', 'Ikrame'], ['سكينة', 'Sokaina', 'Soukaina', 'Sukaina'], ['أميمة', 'Oumaima', 'Oumayma', 'Umaima'],
  ['دعاء', 'Douae', 'Doua', 'Duaa'], ['آية', 'Aya', 'Ayah'], ['نهيلة', 'Nouhaila', 'Nohaila'], ['إيناس', 'Ines', 'Inass', 'Inès'],
  ['رجاء', 'Rajae', 'Raja', 'Rajaa'], ['بشرى', 'Bouchra', 'Bushra'], ['حسناء', 'Hasna', 'Hasnaa'], ['سميرة', 'Samira', 'Sameera'],
  ['ليلى', 'Leila', 'Laila', 'Layla'], ['منى', 'Mouna', 'Mona', 'Muna'], ['ربيعة', 'Rabia', 'Rabiaa'], ['تودة', 'Touda', 'Tuda'], ['إطو', 'Itto', 'Ittou'],
];

/**
 * Family names. Many carry a particle that is written joined or apart, with or without the
 * article: العلوي = "Alaoui" / "El Alaoui"; بن علي = "Benali" / "Ben Ali"; آيت لحسن = "Ait Lahcen" / "Aït Lahcen".
 */
export const lastNames: readonly Name[] = [
  ['العلوي', 'Alaoui', 'El Alaoui', 'Elalaoui'], ['الإدريسي', 'Idrissi', 'El Idrissi', 'Drissi'], ['بن علي', 'Benali', 'Ben Ali', 'Ben-Ali'],
  ['آيت لحسن', 'Ait Lahcen', 'Aït Lahcen', 'Ait Lhassan'], ['أوباها', 'Oubaha', 'Ou Baha'], ['أمزيان', 'Amziane', 'Amzian', 'Amziyan'],
  ['بوطالب', 'Boutaleb', 'Bou Taleb'], ['التازي', 'Tazi', 'Ettazi', 'El Tazi'], ['الفاسي', 'Fassi', 'El Fassi', 'Elfassi'],
  ['بناني', 'Bennani', 'Benani'], ['الشرقاوي', 'Cherkaoui', 'Charkaoui', 'Chergaoui'], ['الغربي', 'Gharbi', 'El Gharbi'],
  ['الحسني', 'Hassani', 'El Hassani', 'Elhassani'], ['المرابط', 'Mrabet', 'El Mrabet', 'Lamrabet'], ['أوحمو', 'Ouhammou', 'Ouhamou'],
  ['إد علي', 'Id Ali', 'Idali'], ['آيت باها', 'Ait Baha', 'Aït Baha'], ['بنجلون', 'Benjelloun', 'Ben Jelloun'], ['الناجي', 'Naji', 'Ennaji', 'En-Naji'],
  ['برادة', 'Berrada', 'Berada'], ['أمزيل', 'Amzil', 'Amzel'], ['أوشن', 'Ouchen', 'Ouchan'], ['الموساوي', 'Moussaoui', 'El Moussaoui', 'Moussaui'],
  ['السلاوي', 'Slaoui', 'Sellaoui', 'Es-Slaoui'], ['شاكر', 'Chakir', 'Shakir'], ['الطاهري', 'Tahiri', 'Ettahiri', 'El Tahiri'],
  ['بوحالي', 'Bouhali', 'Bou Hali'], ['العمراني', 'Amrani', 'El Amrani', 'Lamrani'], ['أودادس', 'Oudaddes', 'Oudades'],
  ['بوزيد', 'Bouzid', 'Bou Zid'], ['الصافي', 'Safi', 'Essafi', 'Es-Safi'], ['الرحماني', 'Rahmani', 'Errahmani'], ['بلحاج', 'Belhaj', 'Bel Haj', 'Belhadj'],
  ['بنسعيد', 'Bensaid', 'Ben Said', 'Bensaïd'], ['بنموسى', 'Benmoussa', 'Ben Moussa'], ['أكنوش', 'Aknouch', 'Akennouch'], ['أيت وعراب', 'Ait Ouarab', 'Aït Ouarrab'],
  ['أخياط', 'Akhiat', 'Akhyat'], ['أبركان', 'Aberkane', 'Abarkan'], ['الزروالي', 'Zerouali', 'Zeroual', 'Ezzerouali'], ['البقالي', 'Bakkali', 'El Bakkali', 'Baqali'],
  ['الوزاني', 'Ouazzani', 'El Ouazzani', 'Wazzani'], ['القادري', 'Kadiri', 'El Kadiri', 'Qadiri'], ['الكتاني', 'Kettani', 'El Kettani', 'Kattani'],
  ['الخياطي', 'Khiati', 'El Khiati'], ['المنصوري', 'Mansouri', 'El Mansouri', 'Elmansouri'], ['بوعزة', 'Bouazza', 'Bou Azza'], ['الدكالي', 'Doukkali', 'Dokkali'],
  ['أوعلي', 'Ouali', 'Ou Ali', 'Ouaali'], ['بومهدي', 'Boumehdi', 'Bou Mehdi'], ['الإسماعيلي', 'Ismaili', 'El Ismaili', 'Smaili'], ['الركراكي', 'Regragui', 'Ragragui'],
  ['السوسي', 'Soussi', 'Essoussi', 'Es-Soussi'], ['أيت الطالب', 'Ait Taleb', 'Aït Ettaleb'], ['إد بلقاس', 'Id Belkas', 'Idbelkas'], ['أمغار', 'Amghar', 'Amghare'],
  ['أزناك', 'Aznag', 'Aznague'], ['بوشعيب', 'Bouchaib', 'Bouchaïb', 'Bou Chaib'], ['الشاوي', 'Chaoui', 'Chaouï', 'Echaoui'], ['الريفي', 'Rifi', 'Errifi', 'El Rifi'],
  ['المودن', 'Moudden', 'El Moudden'], ['الحيحي', 'Hihi', 'El Hihi'], ['الجراري', 'Jirari', 'Jerrari', 'El Jirari'], ['البصري', 'Basri', 'El Basri'],
  ['بنكيران', 'Benkirane', 'Ben Kirane'], ['الصديقي', 'Seddiki', 'Seddiqi', 'Essedik'], ['بوكيلي', 'Boukili', 'Bou Kili'], ['أوبلا', 'Oubella', 'Oubela'],
];

/** Where people are born (cities and rural communes of the demo scopes and beyond), both scripts. */
export const birthPlaces: readonly (readonly [ar: string, lat: string])[] = [
  ['أكادير', 'Agadir'], ['إنزكان', 'Inezgane'], ['أيت ملول', 'Aït Melloul'], ['الدشيرة الجهادية', 'Dcheira El Jihadia'], ['تارودانت', 'Taroudant'],
  ['تيزنيت', 'Tiznit'], ['بيوكرى', 'Biougra'], ['أمسكرود', 'Amskroud'], ['تمري', 'Tamri'], ['الدراركة', 'Drarga'], ['القليعة', 'Lqliaa'],
  ['تمسية', 'Temsia'], ['أولاد تايمة', 'Oulad Teima'], ['طاطا', 'Tata'], ['كلميم', 'Guelmim'], ['مراكش', 'Marrakech'], ['الدار البيضاء', 'Casablanca'],
  ['فاس', 'Fès'], ['مكناس', 'Meknès'], ['الصويرة', 'Essaouira'],
];

/** Professions of parents and guardians as recorded on the register (art. 11), both scripts. */
export const professions: readonly (readonly [ar: string, lat: string])[] = [
  ['فلاح', 'Agriculteur'], ['عامل فلاحي', 'Ouvrier agricole'], ['بائع متجول', 'Marchand ambulant'], ['بناء', 'Maçon'], ['ربة بيت', 'Femme au foyer'],
  ['سائق', 'Chauffeur'], ['صياد', 'Pêcheur'], ['حارس', 'Gardien'], ['عاملة نظافة', 'Agent de nettoyage'], ['تاجر', 'Commerçant'],
];

/** The Latin spelling `variant` of a name (0 = the usual one), wrapping around its list. */
export function latin(name: Name, variant = 0): string {
  const spellings = name.slice(1) as string[];
  return spellings[variant % spellings.length]!;
}
