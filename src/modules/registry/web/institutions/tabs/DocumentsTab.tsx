/** Documents tab: internal rules (each upload a new version), insurance, certificates, plans. */
import { DocumentsPanel } from '../../../../../platform/documents/web/index.ts';
import type { InstitutionTabProps } from '../../institution-tabs.ts';
import { documentOwnerType } from '../constants.ts';

export function DocumentsTab({ institutionId }: InstitutionTabProps) {
  return <DocumentsPanel ownerType={documentOwnerType} ownerId={institutionId} />;
}
