import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/testing/harness.ts';
import { foldName } from './fold-name.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const samples = [
  'دار الطالبة أكادير', 'مؤسسة الرعاية الاجتماعية – إنزكان', 'Dar Taliba d’Agadir', 'ÉCOLE Élémentaire Œuvre Æther',
  'Centre  social,   Tiznit!!', 'مُحَمَّد بـــن علي', 'إحسان آمنة ٱلرحمة مدرسة مستشفى', 'Aït Melloul — 2026', 'Ñandú çà et là',
  '  ', 'Ksar El Kébir', 'الدار البيضاء ١٢٣', 'ﻻ ligature', 'Zagora/Ouarzazate', "L'Oasis-Tafilalet",
];

describe('foldName', () => {
  it('folds exactly as app.fold_name in SQL', async () => {
    const rows = await server.owner<{ folded: string[] }>('SELECT array_agg(app.fold_name(v) ORDER BY n) AS folded FROM unnest($1::text[]) WITH ORDINALITY AS t(v, n)', [samples]);
    expect(samples.map(foldName)).toEqual(rows[0]!.folded);
  });
});
