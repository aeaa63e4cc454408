/**
 * History tab: who changed what in the record and its rooms, services and committee — the
 * platform's record history (audit log), with this module's names for tables, fields and values.
 */
import { useTranslation } from 'react-i18next';
import { RecordHistory } from '../../../../../platform/audit/web/index.ts';
import type { InstitutionTabProps } from '../../institution-tabs.ts';
import { historyOwnerType } from '../constants.ts';

/** Columns whose values are enum codes, and the label group that names them. */
const enumOf: Record<string, string> = {
  legal_category: 'enums.legalCategory',
  centre_type: 'enums.centreType',
  area: 'enums.area',
  mode: 'enums.careMode',
  sex_served: 'enums.sexServed',
  status: 'enums.institutionStatus',
  fee_mode: 'institutions.feeModes',
  service: 'institutions.services.types',
  permanence: 'institutions.services.permanences',
  extent: 'institutions.services.extents',
  seat: 'institutions.governance.seats',
  kind: 'institutions.roomKinds',
  sex: 'enums.sexServed',
};

/** Licensing steps (registry.licensing_steps): their columns and codes are named by the licensing part. */
const LICENSING_STEPS = 'registry.licensing_steps';
const licensingEnumOf: Record<string, string> = {
  kind: 'licensing.kinds',
  stage: 'licensing.stages',
  opinion: 'licensing.opinions',
  outcome: 'licensing.decisionOutcomes',
  change_subject: 'licensing.subjects',
  requested_item: 'licensing.items',
};
const licensingFieldOf: Record<string, string> = {
  kind: 'licensing.action',
  // The stage the step leads to: shown as the institution's licensing status.
  stage: 'licensing.status',
  occurred_on: 'licensing.occurredOn',
  opinion: 'licensing.opinion',
  reasons: 'licensing.reasons',
  note: 'licensing.note',
  licence_number: 'licensing.licenceNumber',
  licence_date: 'licensing.licenceDate',
  change_subject: 'licensing.changeSubject',
  change_on: 'licensing.changeOn',
  outcome: 'licensing.changeOutcome',
  regularise_by: 'licensing.regulariseBy',
  requested_item: 'licensing.requestedItem',
};

/** Column → the form's field name (its label is institutions.fields.<name>). */
const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function HistoryTab({ institutionId }: InstitutionTabProps) {
  const { t, i18n } = useTranslation('registry');
  const label = (key: string) => (i18n.exists(`registry:${key}`) ? t(key as never) : undefined);
  return (
    <RecordHistory
      ownerType={historyOwnerType}
      ownerId={institutionId}
      tableLabel={(table) => label(`institutions.history.tables.${table.replace('.', '_')}`)}
      fieldLabel={(table, field) =>
        table === LICENSING_STEPS && licensingFieldOf[field]
          ? label(licensingFieldOf[field])
          : (label(`institutions.fields.${camel(field)}`) ?? label(`institutions.history.columns.${field}`))
      }
      valueLabel={(table, field, value) => {
        const group = table === LICENSING_STEPS ? licensingEnumOf[field] : enumOf[field];
        return typeof value === 'string' && group ? label(`${group}.${value}`) : undefined;
      }}
    />
  );
}
