/** A convention's tranches on a page of their own (the convention page embeds the same timeline). */
import { useTranslation } from 'react-i18next';
import { PageHeader, QueryStates, useParam } from '../../../../../platform/web/index.ts';
import { ConventionTranches } from '../ConventionTranches.tsx';
import { path } from '../constants.ts';
import { useConventionTranches } from '../queries.ts';

export function ConventionTranchesPage() {
  const { t } = useTranslation('subsidies');
  const conventionId = useParam('conventionId');
  const query = useConventionTranches(conventionId);
  return (
    <QueryStates query={query} empty={() => false}>
      {() => (
        <>
          <PageHeader title={t('tranches.conventionTitle', { reference: query.data!.reference })} back={path.due} />
          <ConventionTranches conventionId={conventionId} />
        </>
      )}
    </QueryStates>
  );
}
