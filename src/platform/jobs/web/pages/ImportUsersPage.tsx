/** The import of staff accounts: the platform's import wizard for the 'users' target. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../web/index.ts';
import { ImportWizard } from '../components/ImportWizard.tsx';
import { path } from '../constants.ts';

const TARGET = 'users';

export function ImportUsersPage() {
  const { t } = useTranslation('jobs');
  return (
    <>
      <PageHeader title={t('import.title')} back={path.users} />
      <ImportWizard target={TARGET} />
    </>
  );
}
