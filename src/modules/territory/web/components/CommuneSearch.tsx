/**
 * Finds a commune anywhere in the country by its name, in either script (the territory's folded
 * search), for forms where the province is not asked first: where a person lives. The chosen
 * commune's name is kept beside its id so that it shows before any search.
 */
import { useState } from 'react';
import { Select, type MantineSize } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, nameIn, withQuery } from '../../../../platform/web/index.ts';
import { CommunePage } from '../../contract.ts';

export interface CommuneName {
  nameAr: string;
  nameFr: string;
}

export interface CommuneSearchProps {
  label: string;
  value: string | null;
  /** The chosen commune's names (from the record being edited, or from the search). */
  selected: CommuneName | null;
  onChange: (communeId: string | null, names: CommuneName | null) => void;
  error?: string;
  size?: MantineSize;
  testId?: string;
}

const MIN_LETTERS = 2;

export function CommuneSearch({ label, value, selected, onChange, error, size, testId }: CommuneSearchProps) {
  const { t, i18n } = useTranslation('territory');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['territory', 'communes', 'search', q],
    queryFn: () => api.get(withQuery('/api/territory/communes', { q, limit: 20 }), CommunePage),
    enabled: q.length >= MIN_LETTERS,
    staleTime: 60_000,
  });
  const names = new Map<string, CommuneName>();
  if (value && selected) names.set(value, selected);
  for (const c of found.data?.items ?? []) names.set(c.id, { nameAr: c.nameAr, nameFr: c.nameFr });
  const data = [...names].map(([id, n]) => ({ value: id, label: nameIn(n, i18n.language) }));
  return (
    <Select
      label={label}
      size={size}
      searchable
      clearable
      data={data}
      value={value}
      onChange={(id) => onChange(id, id ? (names.get(id) ?? null) : null)}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already searched: show what it found, whatever the typed spelling.
      filter={({ options }) => options}
      nothingFoundMessage={q.length >= MIN_LETTERS ? t('communes.none') : t('communes.typeToSearch')}
      error={error}
      data-testid={testId}
    />
  );
}
