/**
 * Picks a commune of one province (a province has at most about a hundred, so all are loaded and
 * filtered in the browser). Used by every form that records a place: associations, institutions.
 */
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, nameIn, withQuery } from '../../../../platform/web/index.ts';
import { CommunePage } from '../../contract.ts';

export interface CommuneSelectProps {
  provinceId: string | null | undefined;
  value: string | null;
  onChange: (communeId: string | null) => void;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  testId?: string;
}

export const useCommunes = (provinceId: string | null | undefined) =>
  useQuery({
    queryKey: ['territory', 'communes', provinceId],
    queryFn: () => api.get(withQuery('/api/territory/communes', { province: provinceId, limit: 200 }), CommunePage),
    enabled: Boolean(provinceId),
    staleTime: 5 * 60_000,
  });

export function CommuneSelect({ provinceId, value, onChange, error, required, disabled, testId }: CommuneSelectProps) {
  const { t, i18n } = useTranslation('territory');
  const communes = useCommunes(provinceId);
  const data = (communes.data?.items ?? []).map((c) => ({ value: c.id, label: nameIn(c, i18n.language) }));
  return (
    <Select
      label={t('communes.label')}
      placeholder={provinceId ? undefined : t('communes.chooseProvinceFirst')}
      nothingFoundMessage={t('communes.none')}
      searchable
      required={required}
      disabled={disabled || !provinceId}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      data-testid={testId}
    />
  );
}
