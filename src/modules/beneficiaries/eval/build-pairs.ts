/**
 * Builds eval/pairs.json, the labelled evaluation set of the matcher (`npx tsx
 * src/modules/beneficiaries/eval/build-pairs.ts`). The names are curated tables of Moroccan first
 * and last names with the spellings civil registers, schools and desks really produce in both
 * scripts; the label of each pair follows from how it was built (two renderings of one person →
 * same; two people with close names, siblings, namesakes → different). Seeded, so the file is stable.
 */
import { writeFileSync } from 'node:fs';

type Sex = 'male' | 'female';
interface Name { ar: string[]; lat: string[]; sex?: Sex }
interface Side {
  firstNameAr?: string; lastNameAr?: string; firstNameLat?: string; lastNameLat?: string;
  sex: Sex; birthDate?: string; birthYearOnly?: boolean; birthPlace?: string; fatherName?: string; cnie?: string; phone?: string;
}
interface Pair { id: string; same: boolean; kind: string; a: Side; b: Side }

const male: Name[] = [
  { ar: ['محمد', 'مُحَمَّد', 'محـمد'], lat: ['Mohamed', 'Mohammed', 'Mohamad', 'Muhammad'] },
  { ar: ['أحمد', 'احمد'], lat: ['Ahmed', 'Ahmad'] },
  { ar: ['يوسف'], lat: ['Youssef', 'Yousef', 'Youssouf'] },
  { ar: ['عبد الرحيم', 'عبدالرحيم'], lat: ['Abderrahim', 'Abderahim'] },
  { ar: ['عبد القادر', 'عبدالقادر'], lat: ['Abdelkader', 'Abdel Kader', 'Abdelkadir'] },
  { ar: ['رشيد'], lat: ['Rachid', 'Rashid'] },
  { ar: ['سعيد'], lat: ['Said', 'Saïd'] },
  { ar: ['حسن'], lat: ['Hassan', 'Hasan'] },
  { ar: ['عمر'], lat: ['Omar', 'Oumar'] },
  { ar: ['إبراهيم', 'ابراهيم'], lat: ['Brahim', 'Ibrahim'] },
  { ar: ['مصطفى', 'مصطفي'], lat: ['Mustapha', 'Mostafa', 'Moustafa'] },
  { ar: ['هشام'], lat: ['Hicham', 'Hisham'] },
  { ar: ['خالد'], lat: ['Khalid', 'Khaled'] },
  { ar: ['ياسين'], lat: ['Yassine', 'Yacine', 'Yasin'] },
  { ar: ['عبد الله', 'عبدالله'], lat: ['Abdellah', 'Abdallah', 'Abdullah'] },
  { ar: ['نور الدين', 'نورالدين'], lat: ['Noureddine', 'Nour Eddine', 'Nourdine'] },
  { ar: ['عثمان'], lat: ['Othmane', 'Otmane', 'Outhmane'] },
  { ar: ['زكرياء', 'زكريا'], lat: ['Zakaria', 'Zakariae', 'Zakariya'] },
  { ar: ['أيوب', 'ايوب'], lat: ['Ayoub', 'Ayyoub'] },
  { ar: ['حمزة', 'حمزه'], lat: ['Hamza', 'Hamzah'] },
  { ar: ['المهدي', 'مهدي'], lat: ['Mehdi', 'El Mehdi'] },
  { ar: ['بوشعيب'], lat: ['Bouchaib', 'Bouchaïb'] },
  { ar: ['الحسن'], lat: ['Lahcen', 'El Hassan'] },
  { ar: ['عبد الصمد'], lat: ['Abdessamad', 'Abdessamed'] },
  { ar: ['إسماعيل', 'اسماعيل'], lat: ['Ismail', 'Smail', 'Ismaïl'] },
  { ar: ['صلاح'], lat: ['Salah', 'Slah'] },
  { ar: ['فاتح'], lat: ['Fateh', 'Fatah'] },
];
const female: Name[] = [
  { ar: ['فاطمة', 'فاطمه'], lat: ['Fatima', 'Fatma'] },
  { ar: ['فاطمة الزهراء'], lat: ['Fatima Zahra', 'Fatima-Ezzahra', 'Fatimazahra'] },
  { ar: ['خديجة', 'خديجه'], lat: ['Khadija', 'Khadidja'] },
  { ar: ['عائشة', 'عايشة'], lat: ['Aicha', 'Aïcha', 'Aisha'] },
  { ar: ['مريم'], lat: ['Meryem', 'Maryam', 'Mariam'] },
  { ar: ['زينب'], lat: ['Zineb', 'Zaynab', 'Zeineb'] },
  { ar: ['سعاد'], lat: ['Souad', 'Suad'] },
  { ar: ['نادية', 'ناديه'], lat: ['Nadia', 'Nadya'] },
  { ar: ['حنان'], lat: ['Hanane', 'Hanan'] },
  { ar: ['سناء'], lat: ['Sanaa', 'Sana'] },
  { ar: ['لطيفة'], lat: ['Latifa', 'Latifah'] },
  { ar: ['كريمة'], lat: ['Karima', 'Karema'] },
  { ar: ['حياة'], lat: ['Hayat', 'Hayate'] },
  { ar: ['إكرام', 'اكرام'], lat: ['Ikram', 'Ikrame'] },
  { ar: ['أسماء', 'اسماء'], lat: ['Asmae', 'Asma', 'Asmaa'] },
  { ar: ['سلمى', 'سلمي'], lat: ['Salma', 'Selma'] },
  { ar: ['هاجر'], lat: ['Hajar', 'Hajare'] },
  { ar: ['وفاء'], lat: ['Wafae', 'Wafaa'] },
  { ar: ['سكينة'], lat: ['Sakina', 'Soukaina', 'Soukayna'] },
  { ar: ['نزهة'], lat: ['Nezha', 'Nazha'] },
  { ar: ['صباح'], lat: ['Sabah', 'Sabbah'] },
];
const last: Name[] = [
  { ar: ['العلوي'], lat: ['Alaoui', 'El Alaoui'] },
  { ar: ['الإدريسي', 'الادريسي'], lat: ['Idrissi', 'El Idrissi', 'Drissi'] },
  { ar: ['بنعلي', 'بن علي'], lat: ['Benali', 'Ben Ali'] },
  { ar: ['بناني'], lat: ['Bennani', 'Benani'] },
  { ar: ['التازي'], lat: ['Tazi', 'Ettazi'] },
  { ar: ['الفاسي'], lat: ['El Fassi', 'Fassi', 'Elfassi'] },
  { ar: ['العمراني'], lat: ['Amrani', 'El Amrani'] },
  { ar: ['الشرقاوي'], lat: ['Cherkaoui', 'Charkaoui', 'Cherqaoui'] },
  { ar: ['بوعزة'], lat: ['Bouazza', 'Bouaza'] },
  { ar: ['آيت الحاج', 'ايت الحاج'], lat: ['Ait El Haj', 'Ait Lhaj', 'Aït El Hadj'] },
  { ar: ['الحسني'], lat: ['El Hassani', 'Hassani'] },
  { ar: ['الزياني'], lat: ['Zayani', 'Ezzayani'] },
  { ar: ['المنصوري'], lat: ['Mansouri', 'El Mansouri'] },
  { ar: ['الراشدي'], lat: ['Rachidi', 'Errachidi'] },
  { ar: ['التوزاني'], lat: ['Touzani', 'Ettouzani'] },
  { ar: ['الخياطي'], lat: ['El Khayati', 'Khayati'] },
  { ar: ['بوزيد'], lat: ['Bouzid', 'Bouzide'] },
  { ar: ['الصقلي'], lat: ['Skalli', 'Sqalli', 'Seqalli'] },
  { ar: ['الكتاني'], lat: ['Kettani', 'El Kettani', 'Kattani'] },
  { ar: ['الطاهري'], lat: ['Tahiri', 'Et-Tahiri'] },
  { ar: ['السوسي'], lat: ['Soussi', 'Essoussi'] },
  { ar: ['بلحاج'], lat: ['Belhaj', 'Bel Haj', 'Belhadj'] },
  { ar: ['الوزاني'], lat: ['Ouazzani', 'El Ouazzani', 'Wazzani'] },
  { ar: ['الغزالي'], lat: ['Ghazali', 'El Ghazali', 'Ghazaly'] },
  { ar: ['الخطابي'], lat: ['Khattabi', 'El Khattabi'] },
  { ar: ['أوعلي'], lat: ['Ouali', 'Ouaali'] },
  { ar: ['أمزيان', 'امزيان'], lat: ['Amzian', 'Amziane'] },
  { ar: ['الوردي'], lat: ['El Ouardi', 'Ouardi', 'Wardi'] },
  { ar: ['بوطيب'], lat: ['Boutayeb', 'Boutaib'] },
  { ar: ['الشاوي'], lat: ['Chaoui', 'Echaoui'] },
];
const places = [['أكادير', 'Agadir'], ['إنزكان', 'Inezgane'], ['تارودانت', 'Taroudant'], ['تيزنيت', 'Tiznit'], ['مراكش', 'Marrakech']];
const fathers = ['محمد', 'أحمد', 'الحسين', 'عبد الله', 'إبراهيم', 'عمر'];

// Small seeded generator (mulberry32) so the file is the same at every build.
let seed = 20261123;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');
const date = () => `${1950 + Math.floor(random() * 70)}-${pad(1 + Math.floor(random() * 12))}-${pad(2 + Math.floor(random() * 26))}`;
const other = <T>(xs: readonly T[], x: T): T => { let y = pick(xs); while (y === x) y = pick(xs); return y; };
const typo = (s: string) => { const i = 1 + Math.floor(random() * (s.length - 2)); return s.slice(0, i) + s.slice(i + 1); };

interface Person { first: Name; last: Name; sex: Sex; birth: string; place: string[]; father: string }
const person = (sex?: Sex): Person => {
  const s = sex ?? (random() < 0.5 ? 'male' : 'female');
  return { first: pick(s === 'male' ? male : female), last: pick(last), sex: s, birth: date(), place: pick(places), father: pick(fathers) };
};
const arabic = (p: Person, extra: Partial<Side> = {}): Side => ({ firstNameAr: pick(p.first.ar), lastNameAr: pick(p.last.ar), sex: p.sex, birthDate: p.birth, ...extra });
const latin = (p: Person, extra: Partial<Side> = {}): Side => ({ firstNameLat: pick(p.first.lat), lastNameLat: pick(p.last.lat), sex: p.sex, birthDate: p.birth, ...extra });
const both = (p: Person, extra: Partial<Side> = {}): Side => ({ ...arabic(p), ...latin(p), ...extra });

const pairs: Pair[] = [];
const add = (same: boolean, kind: string, a: Side, b: Side) => pairs.push({ id: `p${String(pairs.length + 1).padStart(3, '0')}`, same, kind, a, b });

// Same person, written differently.
for (let i = 0; i < 40; i++) { const p = person(); add(true, 'cross_script', arabic(p), latin(p)); }
for (let i = 0; i < 25; i++) { const p = person(); add(true, 'latin_spelling', latin(p), latin(p)); }
for (let i = 0; i < 15; i++) { const p = person(); add(true, 'arabic_spelling', arabic(p), arabic(p)); }
for (let i = 0; i < 12; i++) { const p = person(); add(true, 'both_scripts_vs_one', both(p), i % 2 ? arabic(p) : latin(p)); }
for (let i = 0; i < 10; i++) {
  const p = person();
  add(true, 'birth_year_only', arabic(p), { ...latin(p), birthDate: `${p.birth.slice(0, 4)}-01-01`, birthYearOnly: true });
}
for (let i = 0; i < 8; i++) { const p = person(); const b = latin(p); add(true, 'swapped_names', arabic(p), { ...b, firstNameLat: b.lastNameLat, lastNameLat: b.firstNameLat }); }
for (let i = 0; i < 8; i++) { const p = person(); const b = latin(p); add(true, 'typo', latin(p), { ...b, firstNameLat: typo(b.firstNameLat!) }); }
for (let i = 0; i < 6; i++) { const p = person(); add(true, 'no_birth_date_same_parents', arabic(p, { fatherName: p.father }), latin(p, { birthDate: undefined, fatherName: p.father })); }
for (let i = 0; i < 6; i++) {
  const p = person();
  const cnie = `J${100000 + Math.floor(random() * 800000)}`;
  const q = person(p.sex);
  add(true, 'same_cnie', arabic(p, { cnie }), latin(q, { cnie }));
}

// Different people whose names or dates are close.
for (let i = 0; i < 20; i++) {
  const p = person('male');
  const q: Person = { ...p, first: other(male, p.first), birth: `${p.birth.slice(0, 4)}${date().slice(4)}` };
  add(false, 'siblings_same_year', arabic(p), latin(q));
}
for (let i = 0; i < 12; i++) {
  const p = person('female');
  const q: Person = { ...p, first: other(female, p.first) };
  add(false, 'same_birth_date_other_first_name', latin(p), latin(q));
}
for (let i = 0; i < 20; i++) {
  const p = person();
  const q: Person = { ...p, birth: `${Number(p.birth.slice(0, 4)) + 3 + Math.floor(random() * 20)}${p.birth.slice(4)}` };
  add(false, 'namesakes_other_year', arabic(p), latin(q));
}
for (let i = 0; i < 12; i++) {
  const p = person();
  const q: Person = { ...p, last: other(last, p.last) };
  add(false, 'same_first_name_and_date_other_family', latin(p), arabic(q));
}
const mixed: [string, string, string, string][] = [
  ['سعيد', 'Said', 'سعيدة', 'Saida'], ['كريم', 'Karim', 'كريمة', 'Karima'], ['نبيل', 'Nabil', 'نبيلة', 'Nabila'],
  ['جميل', 'Jamil', 'جميلة', 'Jamila'], ['أمين', 'Amine', 'أمينة', 'Amina'], ['لطيف', 'Latif', 'لطيفة', 'Latifa'],
];
for (let i = 0; i < 12; i++) {
  const [mAr, mLat, fAr, fLat] = mixed[i % mixed.length]!;
  const l = pick(last);
  const birth = date();
  add(false, 'twins_of_other_sex', { firstNameAr: mAr, lastNameAr: l.ar[0], sex: 'male', birthDate: birth }, { firstNameLat: fLat, lastNameLat: pick(l.lat), sex: 'female', birthDate: birth });
  void fAr; void mLat;
}
for (let i = 0; i < 10; i++) {
  const p = person();
  const q: Person = { ...p, father: other(fathers, p.father), birth: `${Number(p.birth.slice(0, 4)) + 1}${p.birth.slice(4)}` };
  add(false, 'cousins_next_year_other_father', arabic(p, { fatherName: p.father }), latin(q, { fatherName: q.father }));
}
for (let i = 0; i < 8; i++) {
  const p = person();
  const q = person(p.sex);
  add(false, 'unrelated', arabic(p), latin({ ...q, birth: p.birth }));
}

writeFileSync(new URL('./pairs.json', import.meta.url), `${JSON.stringify(pairs, null, 1)}\n`);
console.log(`${pairs.length} pairs (${pairs.filter((p) => p.same).length} same, ${pairs.filter((p) => !p.same).length} different)`);
