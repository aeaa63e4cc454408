/**
 * Demo licensing: puts the demo institutions in different stages of their licensing, through the
 * same steps (and the same state machine) as the application, dated in the past from today and
 * signed by their delegation's delegate. Runs as the owner after the registry's demo institutions
 * exist; the institutions are chosen by a deterministic query (each delegation's, ordered by
 * name), so it works whatever the demo list is. In every delegation: the first is refused with
 * its reasons, the second waits for a missing document (clock stopped), the third is suspended,
 * the fourth is closing, the fifth has a change it has not declared in time; then the others,
 * in turn: mostly authorised (with numbers), some filed awaiting the committee, some awaiting
 * the ministry's decision, some of those overdue.
 */
import type pg from 'pg';

type Scenario = 'refused' | 'missing_document' | 'suspended' | 'closing' | 'change_overdue' | 'authorised' | 'filed' | 'filed_overdue' | 'sent' | 'sent_overdue';

const firsts: Scenario[] = ['refused', 'missing_document', 'suspended', 'closing', 'change_overdue'];
const cycle: Scenario[] = ['authorised', 'filed', 'authorised', 'sent', 'authorised', 'filed_overdue', 'authorised', 'authorised', 'sent_overdue', 'authorised'];

export const scenarioOf = (index: number): Scenario => firsts[index] ?? cycle[(index - firsts.length) % cycle.length]!;

interface Step {
  kind: string;
  ago: number;
  opinion?: string;
  outcome?: string;
  licenceNumber?: string;
  licenceAgo?: number;
  reasons?: string;
  note?: string;
  requestedItem?: string;
  changeSubject?: string;
  changeAgo?: number;
}

/** The steps of a scenario, oldest first, as days before today; `n` varies the dates and numbers. */
function stepsOf(scenario: Scenario, n: number, licenceNumber: string): Step[] {
  const authorisedAgo = 150 + ((n * 37) % 900);
  const authorised: Step[] = [
    { kind: 'application_filed', ago: authorisedAgo + 80 },
    { kind: 'committee_opinion', ago: authorisedAgo + 55, opinion: n % 3 === 0 ? 'favourable_with_changes' : 'favourable' },
    { kind: 'file_sent', ago: authorisedAgo + 50 },
    { kind: 'ministry_decision', ago: authorisedAgo, outcome: 'authorised', licenceNumber, licenceAgo: authorisedAgo },
  ];
  switch (scenario) {
    case 'authorised':
      return authorised;
    case 'filed':
      return [{ kind: 'application_filed', ago: 5 + (n % 20) }];
    case 'filed_overdue':
      return [{ kind: 'application_filed', ago: 38 + (n % 15) }];
    case 'sent':
      return [
        { kind: 'application_filed', ago: 70 },
        { kind: 'committee_opinion', ago: 45, opinion: 'favourable' },
        { kind: 'file_sent', ago: 20 + (n % 30) },
      ];
    case 'sent_overdue':
      return [
        { kind: 'application_filed', ago: 140 },
        { kind: 'committee_opinion', ago: 112, opinion: 'favourable_with_changes' },
        { kind: 'file_sent', ago: 64 + (n % 20) },
      ];
    case 'refused':
      return [
        { kind: 'application_filed', ago: 160 },
        { kind: 'committee_opinion', ago: 133, opinion: 'unfavourable' },
        { kind: 'file_sent', ago: 128 },
        {
          kind: 'ministry_decision',
          ago: 80,
          outcome: 'refused',
          reasons: "Locaux non conformes au cahier des charges général (surface des chambres inférieure à 6,30 m², pas d'infirmerie) ; étude de faisabilité absente.",
        },
      ];
    case 'missing_document':
      return [
        { kind: 'application_filed', ago: 24 },
        { kind: 'document_requested', ago: 12, requestedItem: 'building_plans', note: 'Plans visés par l’autorité locale manquants / التصاميم المؤشر عليها غير مرفقة' },
      ];
    case 'suspended':
      return [
        ...authorised,
        { kind: 'warning', ago: 60, reasons: 'Registre des bénéficiaires non tenu (loi 65-15, art. 28) / عدم مسك سجل المستفيدين' },
        { kind: 'suspended', ago: 20, reasons: 'Registre toujours absent après l’avertissement / استمرار المخالفة بعد الإنذار' },
      ];
    case 'closing':
      return [...authorised, { kind: 'closure_notified', ago: 150, note: 'Fermeture volontaire : regroupement avec un autre établissement du fondateur' }];
    case 'change_overdue':
      return [...authorised, { kind: 'change_detected', ago: 12, changeSubject: 'director', changeAgo: 12 }];
  }
}

const licenceYear = (ago: number) => new Date(Date.now() - ago * 86_400_000).getUTCFullYear();

export async function seedDemoLicensing(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ id: string; delegation_id: string | null; code: string | null; position: number; author: string | null }>(`
    SELECT i.id, i.delegation_id, d.code,
      (row_number() OVER (PARTITION BY i.delegation_id ORDER BY i.name_fr, i.id) - 1)::int AS position,
      (SELECT u.id FROM access.users u WHERE u.delegation_id = i.delegation_id AND u.role = 'provincial_delegate' ORDER BY u.username LIMIT 1) AS author
    FROM registry.institutions i
    LEFT JOIN organisation.delegations d ON d.id = i.delegation_id
    WHERE NOT EXISTS (SELECT 1 FROM registry.licensing_steps s WHERE s.institution_id = i.id)
    ORDER BY d.code NULLS LAST, position`);
  for (const inst of rows) {
    const scenario = scenarioOf(inst.position);
    const serial = String(inst.position + 1).padStart(3, '0');
    const steps = stepsOf(scenario, inst.position, '');
    const decisionAgo = steps.find((s) => s.outcome === 'authorised')?.ago ?? 0;
    const number = `ESPS-${inst.code ?? '00.000'}-${licenceYear(decisionAgo)}-${serial}`;
    // Each step is signed by the delegation's delegate, as if recorded through the application.
    await client.query(`SELECT set_config('app.user_id', coalesce($1::text, ''), true)`, [inst.author]);
    for (const s of stepsOf(scenario, inst.position, number)) {
      await client.query(
        `INSERT INTO registry.licensing_steps (institution_id, kind, occurred_on, opinion, outcome, licence_number, licence_date,
           reasons, note, requested_item, change_subject, change_on)
         VALUES ($1, $2, registry.today() - $3::int, $4, $5, $6, registry.today() - $7::int, $8, $9, $10, $11, registry.today() - $12::int)`,
        [inst.id, s.kind, s.ago, s.opinion ?? null, s.outcome ?? null, s.licenceNumber ?? null, s.licenceAgo ?? null, s.reasons ?? null, s.note ?? null,
          s.requestedItem ?? null, s.changeSubject ?? null, s.changeAgo ?? null],
      );
    }
  }
  await client.query(`SELECT set_config('app.user_id', '', true)`);
}
