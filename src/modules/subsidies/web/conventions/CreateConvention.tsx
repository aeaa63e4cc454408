/** Drafting a new convention: the association (searched in the user's scope), then its terms. */
import { useState } from 'react';
import { Modal, Select, Stack } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, nameIn } from '../../../../platform/web/index.ts';
import { useAssociationOptions, useCreateConvention } from './queries.ts';
import { path, tid } from './constants.ts';
import { ui as local } from '../../../../platform/web/index.ts';
import { TermsForm } from './TermsForm.tsx';

export function CreateConvention({ ownerLevel, onClose }: { ownerLevel: 'delegation' | 'region'; onClose: () => void }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [associationId, setAssociationId] = useState<string | null>(null);
  const options = useAssociationOptions(search);
  const mutation = useCreateConvention();
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('conventions.closeDialog') }} title={t('conventions.create.title')} size={local.lg} centered>
      <Stack gap={local.md}>
        <ProblemAlert error={mutation.error} />
        <Select
          label={t('conventions.create.association')}
          placeholder={t('conventions.create.associationSearch')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          data={(options.data?.items ?? []).map((a) => ({ value: a.id, label: nameIn(a, lang) }))}
          value={associationId}
          onChange={setAssociationId}
          required
          data-testid={tid.createAssociation}
        />
        {associationId && (
          <TermsForm
            key={associationId}
            associationId={associationId}
            defaultValues={{}}
            pending={mutation.isPending}
            submitLabel={t('conventions.create.submit')}
            submitTestId={tid.createSubmit}
            onSubmit={(terms) => mutation.mutate({ ownerLevel, associationId, terms }, { onSuccess: (c) => void navigate({ to: path.convention, params: { conventionId: c.id } }) })}
          />
        )}
      </Stack>
    </Modal>
  );
}
