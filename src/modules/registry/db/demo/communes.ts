/**
 * Real communes of the demo provinces (names in Arabic and French, urban municipality or rural
 * commune as in the 2015 communal division) with the position of their seat. The demo
 * institutions stand near these seats. Only what the demo needs, not the full list.
 */
export interface DemoCommune {
  province: string;
  nameFr: string;
  nameAr: string;
  kind: 'urban' | 'rural';
  lat: number;
  lon: number;
}

const c = (province: string, nameFr: string, nameAr: string, kind: 'urban' | 'rural', lat: number, lon: number): DemoCommune => ({ province, nameFr, nameAr, kind, lat, lon });

export const demoCommunes: DemoCommune[] = [
  // Souss-Massa — Agadir Ida-Outanane (09.001)
  c('09.001', 'Agadir', 'أكادير', 'urban', 30.4202, -9.5982),
  c('09.001', 'Drarga', 'الدراركة', 'urban', 30.3820, -9.4795),
  c('09.001', 'Aourir', 'أورير', 'rural', 30.4923, -9.6385),
  c('09.001', 'Taghazout', 'تغازوت', 'rural', 30.5446, -9.7088),
  c('09.001', 'Tamri', 'تامري', 'rural', 30.7167, -9.8333),
  c('09.001', 'Amskroud', 'أمسكرود', 'rural', 30.5275, -9.3286),
  c('09.001', 'Imouzzer Ida Ou Tanane', 'إيموزار إداوتنان', 'rural', 30.6736, -9.4808),
  // Inezgane-Aït Melloul (09.273)
  c('09.273', 'Inezgane', 'إنزكان', 'urban', 30.3553, -9.5369),
  c('09.273', 'Aït Melloul', 'أيت ملول', 'urban', 30.3342, -9.4972),
  c('09.273', 'Dcheira El Jihadia', 'الدشيرة الجهادية', 'urban', 30.3747, -9.5364),
  c('09.273', 'Lqliaa', 'القليعة', 'urban', 30.2945, -9.4640),
  c('09.273', 'Temsia', 'التمسية', 'rural', 30.3614, -9.4181),
  c('09.273', 'Oulad Dahou', 'أولاد دحو', 'rural', 30.3050, -9.4010),
  // Chtouka-Aït Baha (09.163)
  c('09.163', 'Biougra', 'بيوكرى', 'urban', 30.2147, -9.3708),
  c('09.163', 'Aït Baha', 'آيت باها', 'urban', 30.0694, -9.1547),
  c('09.163', 'Sidi Bibi', 'سيدي بيبي', 'rural', 30.2330, -9.5330),
  c('09.163', 'Belfaa', 'بلفاع', 'rural', 30.0430, -9.5530),
  // Taroudant (09.541)
  c('09.541', 'Taroudant', 'تارودانت', 'urban', 30.4703, -8.8770),
  c('09.541', 'Oulad Teima', 'أولاد تايمة', 'urban', 30.3947, -9.2097),
  c('09.541', 'Oulad Berhil', 'أولاد برحيل', 'urban', 30.6390, -8.4780),
  c('09.541', 'Taliouine', 'تالوين', 'rural', 30.5310, -7.9240),
  // Tiznit (09.581)
  c('09.581', 'Tiznit', 'تيزنيت', 'urban', 29.6974, -9.7316),
  c('09.581', 'Tafraout', 'تافراوت', 'urban', 29.7167, -8.9750),
  c('09.581', 'Mirleft', 'ميرلفت', 'rural', 29.5833, -10.0333),
  // Tata (09.551)
  c('09.551', 'Tata', 'طاطا', 'urban', 29.7428, -7.9725),
  c('09.551', 'Akka', 'أقا', 'urban', 29.3910, -8.2560),
  // Fès-Meknès — Fès (03.231), Meknès (03.061), Ifrane (03.271), Sefrou (03.451), Taza (03.561), El Hajeb (03.171)
  c('03.231', 'Fès', 'فاس', 'urban', 34.0331, -5.0003),
  c('03.231', 'Méchouar Fès Jdid', 'المشور فاس الجديد', 'urban', 34.0540, -4.9960),
  c('03.061', 'Meknès', 'مكناس', 'urban', 33.8935, -5.5473),
  c('03.061', 'Toulal', 'تولال', 'urban', 33.9330, -5.6000),
  c('03.061', 'Aïn Jemaa', 'عين الجمعة', 'rural', 34.0300, -5.8000),
  c('03.271', 'Ifrane', 'إفران', 'urban', 33.5228, -5.1106),
  c('03.271', 'Azrou', 'أزرو', 'urban', 33.4342, -5.2214),
  c('03.271', 'Tigrigra', 'تيكريكرة', 'rural', 33.4500, -5.3400),
  c('03.451', 'Sefrou', 'صفرو', 'urban', 33.8305, -4.8353),
  c('03.451', 'Imouzzer Kandar', 'إيموزار كندر', 'urban', 33.7300, -5.0100),
  c('03.561', 'Taza', 'تازة', 'urban', 34.2133, -4.0103),
  c('03.561', 'Tahla', 'تاهلة', 'urban', 34.0500, -4.4200),
  c('03.171', 'El Hajeb', 'الحاجب', 'urban', 33.6900, -5.3700),
  // Elsewhere, so that the national map has colour.
  c('07.351', 'Marrakech', 'مراكش', 'urban', 31.6295, -7.9811),
  c('06.141', 'Casablanca', 'الدار البيضاء', 'urban', 33.5731, -7.5898),
  c('04.421', 'Rabat', 'الرباط', 'urban', 34.0209, -6.8416),
  c('01.511', 'Tanger', 'طنجة', 'urban', 35.7595, -5.8340),
  c('02.411', 'Oujda', 'وجدة', 'urban', 34.6814, -1.9086),
  c('05.091', 'Béni Mellal', 'بني ملال', 'urban', 32.3373, -6.3498),
  c('08.201', 'Errachidia', 'الرشيدية', 'urban', 31.9314, -4.4244),
  c('10.261', 'Guelmim', 'كلميم', 'urban', 28.9870, -10.0574),
  c('11.321', 'Laâyoune', 'العيون', 'urban', 27.1253, -13.1625),
  c('12.391', 'Dakhla', 'الداخلة', 'urban', 23.6848, -15.9570),
];
