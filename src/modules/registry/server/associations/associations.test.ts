/**
 * Associations through the API: creation, reading with its board and institutions, edits, the
 * board members, the RIB key (refused in the user's language, nothing written), the scope rules
 * and the spreadsheet export read back.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { HEADER_ROW } from '../../../../platform/reports/xlsx.ts';
import { createAssociation, createCommune, createInstitution, validRib } from '../../testing/factories.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const countAssociations = async () => Number((await server.owner<{ n: string }>('SELECT count(*) AS n FROM registry.associations'))[0]!.n);
const wrongKey = (rib: string) => rib.slice(0, 22) + String((Number(rib.slice(22)) + 1) % 100).padStart(2, '0');

async function newBody(province = '09.001') {
  const commune = await createCommune(server, { province });
  const suffix = commune.id.slice(0, 8);
  return {
    legalForm: 'association',
    nameAr: `جمعية الإحسان ${suffix}`,
    nameFr: `Association Al Ihsane ${suffix}`,
    receiptNumber: `R-${suffix}`,
    receiptDate: '2016-04-12',
    boardRenewalDate: '2027-04-12',
    publicUtility: true,
    rib: validRib().replace(/(\d{3})(\d{3})/, '$1 $2 '),
    bankName: 'Banque Populaire',
    address: 'Rue 12, Hay Mohammadi',
    communeId: commune.id,
    phone: '06 12 34 56 78',
    email: 'contact@ihsane.ma',
  };
}

describe('creating and editing an association', () => {
  it('creates with a normalised RIB and phone, reads it back, and edits it', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
    const body = await newBody();
    const created = await delegate.post('/api/associations', body);
    expect(created.statusCode, created.body).toBe(201);
    const association = created.json();
    expect(association).toMatchObject({ nameFr: body.nameFr, publicUtility: true, rib: body.rib.replace(/\s/g, ''), phone: '+212612345678', status: 'active', institutionCount: 0, boardMembers: [] });
    expect(association.provinceNameFr).toBe('Agadir Ida-Outanane');

    const edited = await delegate.patch(`/api/associations/${association.id}`, { status: 'suspended', phone: '+212 5 28 22 33 44', publicUtility: false });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'suspended', phone: '+212528223344', publicUtility: false });
    const audit = await server.owner('SELECT action FROM audit.log WHERE table_name = $1 AND record_id = $2', ['registry.associations', association.id]);
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a RIB with a wrong key in the user language, and writes nothing', async () => {
    for (const language of ['fr', 'ar'] as const) {
      const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language });
      const body = await newBody();
      const before = await countAssociations();
      const res = await delegate.post('/api/associations', { ...body, rib: wrongKey(validRib()) });
      expect(res.statusCode).toBe(400);
      const error = res.json().errors.find((e: { path: string }) => e.path === 'rib');
      expect(error.message).toEqual(language === 'fr' ? 'La clé du RIB est incorrecte : vérifiez les chiffres.' : expect.stringContaining('RIB'));
      expect(await countAssociations()).toBe(before);
    }
  });

  it('refuses a bad phone, a half receipt, a commune outside the scope; the database refuses a wrong RIB too', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
    const body = await newBody();
    const phone = await delegate.post('/api/associations', { ...body, phone: '12345' });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().errors[0]).toMatchObject({ path: 'phone' });
    const receipt = await delegate.post('/api/associations', { ...body, receiptDate: '' });
    expect(receipt.json().errors[0]).toMatchObject({ path: 'receiptDate', message: 'Le numéro et la date du récépissé vont ensemble.' });
    const elsewhere = await createCommune(server, { province: '09.273' });
    const outside = await delegate.post('/api/associations', { ...body, communeId: elsewhere.id });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({ path: 'communeId', message: 'Cette commune est hors de votre périmètre.' });
    const { id } = await createAssociation(server, { province: '09.001' });
    await expect(server.owner(`UPDATE registry.associations SET rib = $1 WHERE id = $2`, [wrongKey(validRib()), id])).rejects.toThrow(/associations_rib_check/);
  });

  it('lets a delegation read the founder of one of its institutions seated elsewhere, but not edit it', async () => {
    const founder = await createAssociation(server, { province: '09.273' });
    await createInstitution(server, { associationId: founder.id, province: '09.001' });
    const agadir = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const read = await agadir.get(`/api/associations/${founder.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().institutionCount).toBe(1);
    const write = await agadir.patch(`/api/associations/${founder.id}`, { nameFr: 'Changé' });
    expect(write.statusCode).toBe(404);
    const stranger = await createAssociation(server, { province: '03.131' });
    expect((await agadir.get(`/api/associations/${stranger.id}`)).statusCode).toBe(404);
  });
});

describe('board members', () => {
  it('adds, edits and removes members with CNIE upper case and phone E.164; refuses a mandate that ends before it starts', async () => {
    const { id } = await createAssociation(server, { province: '09.001' });
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'ar' });
    const added = await delegate.post(`/api/associations/${id}/board-members`, {
      fullNameAr: 'فاطمة الزهراء', fullNameFr: 'Fatima Zahra', role: 'president', cnie: ' jb 123456 ', phone: '0661-223344', mandateStart: '2024-01-01', mandateEnd: '2028-01-01',
    });
    expect(added.statusCode, added.body).toBe(201);
    const [member] = added.json().items;
    expect(member).toMatchObject({ cnie: 'JB123456', phone: '+212661223344', role: 'president' });
    await delegate.post(`/api/associations/${id}/board-members`, { fullNameFr: 'Ahmed', role: 'treasurer', mandateStart: '2024-01-01', mandateEnd: '2028-01-01' });

    const edited = await delegate.patch(`/api/associations/${id}/board-members/${member.id}`, { role: 'vice_president' });
    expect(edited.json().items.map((m: { role: string }) => m.role)).toEqual(['vice_president', 'treasurer']);

    const bad = await delegate.post(`/api/associations/${id}/board-members`, { fullNameFr: 'X', role: 'member', mandateStart: '2024-01-01', mandateEnd: '2023-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'mandateEnd', message: 'يجب أن تأتي نهاية الولاية بعد بدايتها.' });
    const badEdit = await delegate.patch(`/api/associations/${id}/board-members/${member.id}`, { mandateEnd: '2020-01-01' });
    expect(badEdit.statusCode).toBe(400);
    expect(badEdit.json().errors[0]).toMatchObject({ path: 'mandateEnd' });

    const removed = await delegate.delete(`/api/associations/${id}/board-members/${member.id}`);
    expect(removed.json().items).toHaveLength(1);
    const page = await delegate.get(`/api/associations/${id}`);
    expect(page.json().boardMembers).toHaveLength(1);
  });
});

describe('association officer', () => {
  it('sees only its association and its institutions, edits its association, creates none', async () => {
    const own = await createAssociation(server, { province: '09.001' });
    const ownInstitution = await createInstitution(server, { associationId: own.id, province: '09.001' });
    const other = await createAssociation(server, { province: '09.001' });
    const otherInstitution = await createInstitution(server, { associationId: other.id, province: '09.001' });
    const officer = await signedIn(server, { role: 'association_officer', scope: { association: own.id }, language: 'fr' });

    const list = await officer.get('/api/associations?limit=200');
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([own.id]);
    const page = await officer.get(`/api/associations/${own.id}`);
    expect(page.json().institutions.map((i: { id: string }) => i.id)).toEqual([ownInstitution.id]);
    expect((await officer.get(`/api/associations/${other.id}`)).statusCode).toBe(404);
    expect((await officer.patch(`/api/associations/${other.id}`, { nameFr: 'Prise' })).statusCode).toBe(404);
    expect((await officer.post(`/api/associations/${other.id}/board-members`, { fullNameFr: 'X', role: 'member', mandateStart: '2024-01-01', mandateEnd: '2025-01-01' })).statusCode).toBe(404);
    const [seen] = await server.owner<{ n: string }>('SELECT count(*) AS n FROM registry.institutions WHERE id = $1', [otherInstitution.id]);
    expect(seen!.n).toBe('1');

    const edited = await officer.patch(`/api/associations/${own.id}`, { address: 'Nouvelle adresse' });
    expect(edited.statusCode).toBe(200);
    const create = await officer.post('/api/associations', await newBody());
    expect(create.statusCode).toBe(403);
  });
});

describe('export', () => {
  it('writes the filtered list as a right-to-left sheet in Arabic', async () => {
    const commune = await createCommune(server, { province: '09.001' });
    const a = await createAssociation(server, { communeId: commune.id, nameAr: 'جمعية التصدير للاختبار', nameFr: 'Association Export Test' });
    await createInstitution(server, { associationId: a.id, communeId: commune.id });
    await createAssociation(server, { communeId: commune.id, nameFr: 'Autre association' });
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'ar' });
    const res = await delegate.get(`/api/associations/export.xlsx?q=${encodeURIComponent('التصدير')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect(sheet.getCell(1, 1).value).toBe('لائحة الجمعيات والجهات المسيرة');
    expect(sheet.getRow(HEADER_ROW).getCell(1).value).toBe('الاسم بالعربية');
    const data = sheet.getRow(HEADER_ROW + 1);
    expect(data.getCell(1).value).toBe('جمعية التصدير للاختبار');
    expect(data.getCell(3).value).toBe('جمعية');
    expect(data.getCell(9).value).toBe(1);
    expect(sheet.getRow(HEADER_ROW + 2).getCell(1).value ?? null).toBeNull();

    const fr = await delegate.get(`/api/associations/export.xlsx?q=export%20test&lang=fr`);
    const frBook = new ExcelJS.Workbook();
    await frBook.xlsx.load(new Uint8Array(fr.rawPayload).buffer);
    expect(frBook.worksheets[0]!.views[0]).toMatchObject({ rightToLeft: false });
    expect(frBook.worksheets[0]!.getRow(HEADER_ROW + 1).getCell(3).value).toBe('Association');
  });
});
